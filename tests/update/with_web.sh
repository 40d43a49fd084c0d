#!/usr/bin/env bash
# Runs COMMAND... with the test web servers of tests/support/web.sh up (nginx over http and
# https, and the misbehaving helper; the environment they export is described there), then
# stops them and removes their folder. On a failure the servers' logs are printed.
# Usage: with_web.sh COMMAND...
set -uo pipefail
source "$(dirname "$0")/../support/web.sh"
web_dir=$(mktemp -d)
trap 'web_stop; rm -rf "$web_dir"' EXIT
web_start "$web_dir" || exit 1
"$@"
status=$?
if [ $status != 0 ]; then
  echo "--- nginx error log (last 20 lines)"; tail -20 "$web_dir/error.log"
  echo "--- helper log (last 20 lines)"; tail -20 "$web_dir/helper.log"
fi
exit $status
