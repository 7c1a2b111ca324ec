#!/usr/bin/env bash
# End-to-end test of the Slurm path on a real single-node Slurm started here:
#   munged, slurmctld and slurmd with their own config, key, state and spool in a temp dir
#   (nothing under /etc is changed), then `coalsim slurm --submit` (array job + dependent
#   merge job), wait, and compare the merged result with a local `coalsim sweep`, byte for byte.
# Every daemon started here is stopped on exit (trap). Needs root (slurmd) and the Debian
# packages slurm-wlm and munge (`scripts/install.sh --dev`). Outside CI it skips, with a
# message, when they are missing; with CI set it fails instead.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
EXPERIMENT=${COALSIM_SLURM_EXPERIMENT:-experiments/information-by-surge.json}
SHARDS=${COALSIM_SLURM_SHARDS:-3}
TIMEOUT=${COALSIM_SLURM_TIMEOUT:-240}

say() { printf 'slurm-e2e: %s\n' "$*"; }
skip() {
  if [ -n "${CI:-}" ]; then say "FAIL: $* (CI is set, so the Slurm test cannot be skipped)"; exit 1; fi
  say "SKIPPED: $* (install with: scripts/install.sh --dev)"; exit 0
}

for cmd in munged slurmctld slurmd sbatch squeue scontrol sinfo; do
  command -v "$cmd" >/dev/null 2>&1 || PATH="$PATH:/usr/sbin:/sbin"
  command -v "$cmd" >/dev/null 2>&1 || skip "$cmd not found"
done
[ "$(id -u)" = 0 ] || skip "slurmd needs root to launch jobs"
[ -f dist/cli/main.js ] || { say "FAIL: not built (npm run build)"; exit 1; }

started=$(date +%s)
TMP=$(mktemp -d /tmp/coalsim-slurm.XXXXXX)
chmod 700 "$TMP"
pids=()
cleanup() {
  local rc=$?
  set +e
  if [ -f "$TMP/slurm.conf" ]; then SLURM_CONF="$TMP/slurm.conf" scancel --quiet --user=root >/dev/null 2>&1; fi
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill "${pids[$i]}" 2>/dev/null; done
  for p in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$p" 2>/dev/null
  done
  if [ $rc -ne 0 ]; then
    for f in "$TMP"/log/*.log "$TMP"/*/slurm/logs/*.out; do [ -f "$f" ] && { echo "---- $f"; tail -n 30 "$f"; }; done
  fi
  rm -rf "$TMP"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$TMP/munge" "$TMP/state" "$TMP/spool" "$TMP/log" "$TMP/run"
chmod 700 "$TMP/munge"

# --- munge: our own key and socket -------------------------------------------------------
if command -v mungekey >/dev/null 2>&1; then mungekey --create --keyfile="$TMP/munge/munge.key" >/dev/null 2>&1 || true; fi
[ -s "$TMP/munge/munge.key" ] || dd if=/dev/urandom of="$TMP/munge/munge.key" bs=1024 count=1 status=none
chmod 600 "$TMP/munge/munge.key"
SOCKET="$TMP/munge/munge.socket"
munged --foreground --force --key-file="$TMP/munge/munge.key" --socket="$SOCKET" \
  --pid-file="$TMP/run/munged.pid" --log-file="$TMP/log/munged.log" --seed-file="$TMP/munge/seed" 2>>"$TMP/log/munged.stderr" &
pids+=($!)
for _ in $(seq 1 50); do [ -S "$SOCKET" ] && break; sleep 0.1; done
[ -S "$SOCKET" ] || { say "FAIL: munged did not start"; exit 1; }

# --- slurm: a one-node cluster on loopback, on free ports ----------------------------------
HOST=$(hostname -s)
CPUS=$(nproc)
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
CTL_PORT=0
for _ in $(seq 1 50); do
  p=$((20000 + RANDOM % 20000))
  if port_free "$p" && port_free "$((p + 1))"; then CTL_PORT=$p; break; fi
done
[ "$CTL_PORT" != 0 ] || { say "FAIL: no free port pair"; exit 1; }
cat > "$TMP/slurm.conf" <<EOF
ClusterName=coalsimtest
SlurmctldHost=$HOST(127.0.0.1)
SlurmctldPort=$CTL_PORT
SlurmdPort=$((CTL_PORT + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$SOCKET
StateSaveLocation=$TMP/state
SlurmdSpoolDir=$TMP/spool
SlurmctldPidFile=$TMP/run/slurmctld.pid
SlurmdPidFile=$TMP/run/slurmd.pid
SlurmctldLogFile=$TMP/log/slurmctld.log
SlurmdLogFile=$TMP/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
ReturnToService=2
MinJobAge=600
MailProg=/bin/true
PlugStackConfig=$TMP/plugstack.conf
NodeName=$HOST NodeAddr=127.0.0.1 CPUs=$CPUS State=UNKNOWN
PartitionName=test Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
EOF
: > "$TMP/plugstack.conf"
export SLURM_CONF="$TMP/slurm.conf"
slurmctld -D -i -f "$SLURM_CONF" >"$TMP/log/slurmctld.stdout" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" -N "$HOST" >"$TMP/log/slurmd.stdout" 2>&1 &
pids+=($!)
state=""
for _ in $(seq 1 100); do
  state=$(sinfo -h -n "$HOST" -o %t 2>/dev/null || true)
  case "$state" in idle*|mix*|alloc*) break ;; esac
  sleep 0.3
done
case "$state" in idle*|mix*|alloc*) ;; *) say "FAIL: node did not come up (state: '${state:-none}')"; exit 1 ;; esac
say "slurm up on $HOST ($CPUS CPUs, port $CTL_PORT) in $(( $(date +%s) - started ))s"

# --- the sweep through Slurm ---------------------------------------------------------------
# Snapshot the build, the experiment and its scenario, so edits made meanwhile in the working
# tree cannot reach some shards and not others.
APP="$TMP/app"
mkdir -p "$APP/input"
cp -r dist bin package.json "$APP/"
ln -s "$ROOT/node_modules" "$APP/node_modules"
scenario_rel=$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).scenario' "$EXPERIMENT")
cp "$EXPERIMENT" "$APP/input/experiment.json"
mkdir -p "$(dirname "$APP/input/$scenario_rel")"
cp "$(dirname "$EXPERIMENT")/$scenario_rel" "$APP/input/$scenario_rel"
EXPERIMENT="$APP/input/experiment.json"
coalsim() { node "$APP/bin/coalsim.js" "$@"; }
# A working directory with a space, an apostrophe and a command substitution in its name:
# every value must reach sbatch and the job scripts quoted, and nothing in it may run.
WORK="$TMP/my project's \$(touch PWNED) work"
# Values that would add lines to the job scripts are refused (exit 2), before anything is written.
set +e
coalsim slurm "$EXPERIMENT" --out "$TMP/refused" --partition $'test\n#SBATCH --wrap=true' >/dev/null 2>"$TMP/refused.err"; rc=$?
set -e
[ "$rc" = 2 ] && [ ! -e "$TMP/refused" ] || { say "FAIL: a newline in --partition gave exit $rc, expected 2 and no files"; cat "$TMP/refused.err"; exit 1; }
# A job sbatch refuses: the error is sbatch's own, not a guess about PATH.
set +e
coalsim slurm "$EXPERIMENT" --out "$TMP/badpart" --partition nosuchpartition --shards 2 --cpus-per-task 1 --time 00:10:00 --submit >/dev/null 2>"$TMP/badpart.err"; rc=$?
set -e
if [ "$rc" != 5 ] || ! grep -q 'sbatch refused the job: sbatch: error:' "$TMP/badpart.err" || grep -q 'on PATH' "$TMP/badpart.err"; then
  say "FAIL: an unknown partition gave exit $rc and:"; cat "$TMP/badpart.err"; exit 1
fi
say "refusals ok: newline in --partition (exit 2); unknown partition reports sbatch's error: $(grep -o 'sbatch: error:.*' "$TMP/badpart.err" | head -1)"
out=$( cd "$TMP" && coalsim slurm "$EXPERIMENT" --out "$WORK" --shards "$SHARDS" --cpus-per-task 1 --time 00:10:00 --submit)
echo "$out" | sed 's/^/  /'
read -r _ SWEEP_JOB MERGE_JOB < <(echo "$out" | grep '^jobs ')
[ -n "${MERGE_JOB:-}" ] || { say "FAIL: could not read the job ids"; exit 1; }

# Meanwhile, the same sweep on this machine.
coalsim sweep "$EXPERIMENT" --out "$TMP/local" --workers 2 --quiet --no-charts >/dev/null

deadline=$(( $(date +%s) + TIMEOUT ))
while squeue -h -j "$SWEEP_JOB,$MERGE_JOB" 2>/dev/null | grep -q .; do
  [ "$(date +%s)" -lt "$deadline" ] || { say "FAIL: jobs still queued after ${TIMEOUT}s"; squeue; exit 1; }
  sleep 1
done
merge_state=$(scontrol show job "$MERGE_JOB" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | head -1 || true)
[ "$merge_state" = "JobState=COMPLETED" ] || { say "FAIL: merge job $MERGE_JOB ended in ${merge_state:-unknown state}"; scontrol show job "$SWEEP_JOB" | grep -E 'JobState|ExitCode' || true; exit 1; }

[ ! -e "$TMP/PWNED" ] && [ ! -e "$ROOT/PWNED" ] || { say "FAIL: a command in the --out path ran"; exit 1; }
ls "$WORK"/slurm/logs/sweep-*_0.out >/dev/null || { say "FAIL: no sweep log under the quoted --out path"; exit 1; }
for i in $(seq 0 $((SHARDS - 1))); do
  grep -q "\"index\": $i" "$WORK/shards/$i/manifest.json" || { say "FAIL: shard $i did not write its manifest"; exit 1; }
done
for f in runs.csv aggregate.csv manifest.json; do
  if ! cmp -s "$TMP/local/$f" "$WORK/result/$f"; then say "FAIL: $f differs between Slurm and the local sweep"; diff <(head -5 "$TMP/local/$f") <(head -5 "$WORK/result/$f") || true; exit 1; fi
done
# Merging again changes nothing (idempotent).
coalsim merge "$WORK"/shards/* --out "$WORK/result" --no-charts >/dev/null
for f in runs.csv aggregate.csv manifest.json; do cmp -s "$TMP/local/$f" "$WORK/result/$f" || { say "FAIL: a second merge changed $f"; exit 1; }; done

runs=$(($(wc -l < "$WORK/result/runs.csv") - 1))
say "ok: $runs runs in $SHARDS array tasks + merge job; runs.csv, aggregate.csv and manifest.json identical to the local sweep, in a working directory named "$(basename "$WORK")" ($(( $(date +%s) - started ))s)"

# --- a fit through Slurm: per generation an array of shards, then a merge -------------------
FIT=${COALSIM_SLURM_FIT:-test/fit/fixtures/rubinstein.fit.json}
fit_scenario=$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).scenario' "$FIT")
mkdir -p "$APP/fit"
cp "$FIT" "$APP/fit/fit.json"
cp "$(dirname "$FIT")/$fit_scenario" "$APP/fit/$fit_scenario"
FIT="$APP/fit/fit.json"
FITWORK="$TMP/fitwork"
out=$(coalsim fit "$FIT" --out "$FITWORK" --slurm --shards "$SHARDS" --cpus-per-task 1 --time 00:10:00 --check-seeds 5 --submit)
echo "$out" | sed 's/^/  /'
read -r -a FIT_JOBS < <(echo "$out" | grep '^jobs ' | cut -d' ' -f2-)
[ "${#FIT_JOBS[@]}" -ge 2 ] || { say "FAIL: could not read the fit's job ids"; exit 1; }
LAST_JOB=${FIT_JOBS[${#FIT_JOBS[@]}-1]}
coalsim fit "$FIT" --out "$TMP/fitlocal" --workers 2 --check-seeds 5 --quiet >/dev/null
deadline=$(( $(date +%s) + TIMEOUT ))
while squeue -h -j "$(IFS=,; echo "${FIT_JOBS[*]}")" 2>/dev/null | grep -q .; do
  [ "$(date +%s)" -lt "$deadline" ] || { say "FAIL: fit jobs still queued after ${TIMEOUT}s"; squeue; exit 1; }
  sleep 1
done
last_state=$(scontrol show job "$LAST_JOB" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | head -1 || true)
[ "$last_state" = "JobState=COMPLETED" ] || { say "FAIL: the fit's last merge job $LAST_JOB ended in ${last_state:-unknown state}"; exit 1; }
for f in fitted-scenario.json posterior.csv summary.json fit-report.html manifest.json; do
  if ! cmp -s "$TMP/fitlocal/$f" "$FITWORK/$f"; then say "FAIL: fit output $f differs between Slurm and the local fit"; exit 1; fi
done
say "ok: fit in ${#FIT_JOBS[@]} jobs (shard arrays + merges); outputs identical to the local fit ($(( $(date +%s) - started ))s)"
echo "2 passed, 0 failed"
