"""Checks the answers of a running demo server against its OpenAPI document with real records.

Fuzzing mostly asks for records that do not exist, so it sees few answers with content; this reads
every documented GET operation without path parameters, then each list's first records through every
operation under them (the record, its tasks, its files …), as 长沙高新区's dispatcher and admin (and the 工作台, dashboard and inbox as the other roles), and validates every JSON answer against the
operation's response schema (schemathesis' validator, so `nullable`, `$ref` and formats read as the
fuzzer reads them). Run with the schemathesis venv's python:

    python scripts/check-api-answers.py http://127.0.0.1:8080
"""
import sys

import requests
import schemathesis

base = sys.argv[1].rstrip("/")
api = base + "/api/v1"
schema = schemathesis.openapi.from_url(api + "/openapi.json")


def first_ids(body):
    """The ids of a list answer's first three records (a bare array, or one under `items`)."""
    items = body if isinstance(body, list) else body.get("items", []) if isinstance(body, dict) else []
    return [item["id"] for item in items[:3] if isinstance(item, dict) and "id" in item]


checked, failures = 0, []


def check(path, template, method="GET"):
    global checked
    response = session.request(method, api + path)
    if response.headers.get("content-type", "").startswith("application/json") and response.status_code < 300:
        try:
            schema[template][method].validate_response(response)
        except Exception as error:  # schemathesis raises a failure group naming what broke
            failures.append(f"{method} {path}: {error}")
        checked += 1
    return response


session = requests.Session()


def sign_in(user):
    """Makes the session's requests as `user` (a demo account)."""
    login = {"username": user, "password": "Jieyou2024"}
    session.headers["Authorization"] = "Bearer " + requests.post(api + "/auth/login", json=login).json()["token"]


# The dispatcher reads the problem loop and the registry; the admin the organisation as well.
for user in ["gx_dispatcher", "gx_admin"]:
    sign_in(user)
    for template, item in sorted(schema.raw_schema["paths"].items()):
        if "get" not in item or "{" in template or template.startswith("/auth"):
            continue
        response = check(template, template)
        if response.status_code != 200 or not response.headers.get("content-type", "").startswith("application/json"):
            continue
        # The record itself and what hangs under it (a plan's tasks, a problem's files …).
        under = [
            sub for sub, sub_item in schema.raw_schema["paths"].items()
            if "get" in sub_item and (sub == template + "/{id}" or sub.startswith(template + "/{id}/"))
            and sub.count("{") == 1
        ]
        for record in first_ids(response.json()):
            for sub in sorted(under):
                check(sub.replace("{id}", str(record)), sub)

# A campaign's 总结报告 needs its campaign; the 工作台, the dashboard and the inbox differ by role.
campaigns = session.get(api + "/campaigns").json()
for campaign in first_ids(campaigns)[:1]:
    check(f"/reports/campaign?campaign={campaign}", "/reports/campaign")
for user in ["gx_leader", "gx_enterprise", "gx_handler", "cs_upper"]:
    sign_in(user)
    for template in ["/me/work", "/dashboard", "/reports/inbox", "/reports/bulletin"]:
        check(template, template)

print(f"{checked} answers checked against their schemas, {len(failures)} did not match")
for failure in failures:
    print(failure)
sys.exit(1 if failures else 0)
