"""Checks the answers of a running demo server against its OpenAPI document with real records.

Fuzzing mostly asks for records that do not exist, so it sees few answers with content; this reads
every documented GET operation without path parameters, then each list's first records through the
operations that take an id, as 长沙高新区's dispatcher, and validates every JSON answer against the
operation's response schema (schemathesis' validator, so `nullable`, `$ref` and formats read as the
fuzzer reads them). Run with the schemathesis venv's python:

    python scripts/check-api-answers.py http://127.0.0.1:8080
"""
import sys

import requests
import schemathesis

base = sys.argv[1].rstrip("/")
api = base + "/api/v1"
token = requests.post(api + "/auth/login", json={"username": "gx_dispatcher", "password": "Jieyou2024"}).json()["token"]
session = requests.Session()
session.headers["Authorization"] = f"Bearer {token}"
schema = schemathesis.openapi.from_url(api + "/openapi.json")

# The lists whose first item's id opens the operations under them, and where the id is.
ids = {
    "/problems": lambda body: [item["id"] for item in body["items"][:3]],
    "/visits": lambda body: [],
    "/financing-demands": lambda body: [item["id"] for item in body["items"][:3]],
    "/projects": lambda body: [item["id"] for item in body["items"][:3]],
}
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


for template, item in sorted(schema.raw_schema["paths"].items()):
    if "get" not in item or "{" in template or template.startswith("/auth"):
        continue
    response = check(template, template)
    if template in ids and response.status_code == 200:
        for record in ids[template](response.json()):
            for sub, sub_item in schema.raw_schema["paths"].items():
                if sub == template + "/{id}" and "get" in sub_item:
                    check(sub.replace("{id}", record), sub)

print(f"{checked} answers checked against their schemas, {len(failures)} did not match")
for failure in failures:
    print(failure)
sys.exit(1 if failures else 0)
