#!/usr/bin/env bash
# The consumer test: pack autonomy-gate as npm would publish it, install the tarball into a fresh
# project with the peers at their current releases, typecheck a graph of the consumer's own with
# strict + skipLibCheck:false, run it with plain node, and drive the installed CLI.
# Needs only the npm registry. Usage: bash test/consumer/run.sh (from anywhere).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/autonomy-gate-consumer.XXXXXX")"
trap 'rm -rf "$work"' EXIT
fail() { echo "consumer test FAILED: $*" >&2; exit 1; }
npm_quiet=(--no-audit --no-fund --loglevel=error)

echo "== pack (prepack builds dist/)"
(cd "$repo" && npm pack --pack-destination "$work" --silent >/dev/null)
tarball="$(ls "$work"/autonomy-gate-*.tgz)"
tar -tzf "$tarball" | sed 's#^package/##' | sort >"$work/files.txt"
for required in dist/src/index.js dist/src/index.d.ts dist/src/cli/main.js dist/evals/run-goldens.js \
  bin/autonomy-gate.js drizzle/sqlite/meta/_journal.json drizzle/pg/meta/_journal.json goldens/gate goldens/outreach package.json; do
  grep -q "^$required" "$work/files.txt" || fail "the tarball lacks $required"
done
if grep -E '^(dist/graphs|graphs|src|test|bench)/' "$work/files.txt"; then fail "the tarball ships files it does not export (above)"; fi
if grep -E '\.map$' "$work/files.txt"; then fail "the tarball ships source maps whose sources it does not ship (above)"; fi
echo "ok - tarball: $(wc -l <"$work/files.txt") files, dist/src + dist/evals with declarations, migrations, bin, goldens"

echo "== install the tarball with the peers at their current releases"
app="$work/app"
mkdir -p "$app"
cp -r "$here/package.json" "$here/tsconfig.json" "$here/src" "$app/"
ts="$(node -p "require('$repo/node_modules/typescript/package.json').version")"
(cd "$app" && npm install "${npm_quiet[@]}" "$tarball" @langchain/langgraph@latest @langchain/core@latest zod \
  "typescript@$ts" "@types/node@20")
(cd "$app" && npm ls --omit=dev --all --parseable >"$work/prod-deps.txt" 2>/dev/null || true)
if grep -E '/node_modules/(openai|@langchain/openai)$' "$work/prod-deps.txt"; then
  fail "installing autonomy-gate pulled in the optional peer @langchain/openai or openai (above)"
fi
echo "ok - npm ls --omit=dev shows no openai"
node "$here/check-types-reach.mjs" "$app/node_modules/autonomy-gate/dist/src/index.d.ts"

echo "== typecheck the consumer's graph (strict, skipLibCheck: false) and run it with node"
(cd "$app" && npx tsc -p tsconfig.json) || fail "the consumer graph does not typecheck against the installed package"
(cd "$app" && node dist/refund-graph.js "file:$app/consumer.db")

echo "== the installed CLI"
cli() { (cd "$app" && npx --no-install autonomy-gate "$@"); }
version="$(cli --version)"
[ "$version" = "$(node -p "require('$repo/package.json').version")" ] || fail "--version printed '$version'"
echo "ok - autonomy-gate --version: $version"
cli status --db "file:$app/consumer.db" | tee "$work/status.txt"
grep -q "refunds:small" "$work/status.txt" || fail "status does not show the consumer's scope"
cli decide "$(cat "$app/pending-verdict.txt")" reject --note "not refundable" --db "file:$app/consumer.db"
cli eval --summary "$work/eval-summary.md" >"$work/eval.txt" || { cat "$work/eval.txt"; fail "eval without folders did not pass on the shipped goldens"; }
grep -q "PASS: goldens/gate" "$work/eval.txt" || fail "eval without folders did not run the shipped goldens"
echo "ok - eval without folders ran the shipped goldens: $(grep '^PASS' "$work/eval.txt")"
set +e
cli mode refunds:small auto --db "file:$app/consumer.db" 2>"$work/mode.txt"
refused=$?
set -e
[ "$refused" -eq 1 ] || fail "a refused mode … auto exited $refused, expected 1 (a failed check)"
grep -q "not eligible\|refused" "$work/mode.txt" || fail "the refused switch did not say why"
echo "ok - a refused switch to auto exits 1"
cli report --db "file:$app/consumer.db" --out "$work/report.html"
grep -q "refunds:small" "$work/report.html" || fail "the report does not show the consumer's scope"
echo "ok - report written"
echo "consumer test passed"
