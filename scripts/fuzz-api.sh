#!/usr/bin/env bash
# Fuzzes the API of a running demo server against its own OpenAPI document with schemathesis, as two
# roles: 长沙高新区's dispatcher (who writes most of the problem loop) and an enterprise account (who
# is refused most of it). A fixed seed, so a failure reproduces (JIEYOU_FUZZ_SEED sets another, to
# explore); about 7,000 requests per role
# (the coverage phase's boundary cases of every operation and three fuzzed cases each).
#
#   scripts/fuzz-api.sh http://127.0.0.1:8080 [REPORT_DIR]
#
# It signs in as each role, runs every operation but signing out and changing the password (which
# would end the run's own session) with every check on, and fails on any failure. The operations whose
# rules a schema cannot state, and may refuse a schema-valid request, are listed with the rule in
# scripts/schemathesis.toml. Before it, scripts/check-api-answers.py validates the answers of every list
# and of its first records against their response schemas.
set -euo pipefail
base=${1:?usage: fuzz-api.sh BASE_URL [REPORT_DIR]}
reports=${2:-$(mktemp -d /tmp/jieyou-fuzz.XXXXXX)}
venv=${JIEYOU_FUZZ_VENV:-$HOME/.cache/jieyou-schemathesis}
version=4.32.5

if [ ! -x "$venv/bin/st" ] || [ "$("$venv/bin/st" --version 2>/dev/null | awk '{print $NF}')" != "$version" ]; then
    echo "installing schemathesis $version into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "schemathesis==$version"
fi

mkdir -p "$reports"
# Both roles sign in before anything is fuzzed: the fuzzer learns usernames from the answers it reads
# and tries them at POST /auth/login with made-up passwords, which locks those accounts (as it should),
# and a session opened before that goes on working.
declare -A tokens
for user in gx_dispatcher gx_enterprise; do
    tokens[$user]=$(curl -sf -X POST -H 'Content-Type: application/json' \
        -d "{\"username\":\"$user\",\"password\":\"Jieyou2024\"}" "$base/api/v1/auth/login" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
done
status=0
# First the answers with real records, before the fuzzer's writes join them.
"$venv/bin/python" "$(dirname "$0")/check-api-answers.py" "$base" || status=1
for user in gx_dispatcher gx_enterprise; do
    echo "--- schemathesis as $user"
    "$venv/bin/st" --config-file "$(dirname "$0")/schemathesis.toml" run "$base/api/v1/openapi.json" \
        --header "Authorization: Bearer ${tokens[$user]}" \
        --exclude-path-regex '^/auth/(logout|password)$' \
        --checks all \
        --phases examples,coverage,fuzzing --max-examples 3 --seed "${JIEYOU_FUZZ_SEED:-20261207}" --workers 2 \
        --request-timeout 30 --no-color \
        --report junit --report-junit-path "$reports/schemathesis-$user.xml" || status=1
done
exit $status
