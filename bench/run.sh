#!/usr/bin/env bash
# bench/run.sh: run the asyncrun benchmark workloads in CPython and asyncrun.
#
# usage: bench/run.sh [--bin ASYNCRUN] [--base ASYNCRUN] [RUNS] [WORKLOAD...]
#
#   --bin      an asyncrun binary to measure (default: build this tree's)
#   --base     a second asyncrun binary, the "before": it runs in turn with
#              the first and CPython, and the table has both side by side
#   RUNS       runs per workload and implementation (default 5); the table
#              shows medians
#   WORKLOAD   w1 w1b w2 w3 w4 w5 w6 w7 w8 w9 (default: all)
#
# Environment: BENCH_TIMEOUT, seconds one run may take (default 600);
# BENCH_NO_GNU_TIME=1 samples /proc instead of using /usr/bin/time.
#
# With GNU time the CPU time of each run (user + system) is taken too, and a
# second table gives its medians.
# Each workload NAME is bench/NAME.py (CPython) and bench/NAME.star
# (asyncrun); both print one check line, and every run's line must equal the
# others', or the suite stops. W8 (sockets on 127.0.0.1) and W9 (processes)
# run asyncrun with the -allow-* flag they need (see FLAGS). asyncrun is
# built once into a temporary folder, unless --bin names one.
# The implementations run alternately, CPython first (then the --base
# binary, then the one measured). Wall time is
# measured around the whole process (startup included). W4 is run with 0 and
# 100,000 tasks and reports (peak RSS at 100,000 - peak RSS at 0) / 100,000;
# peak RSS comes from /usr/bin/time -f %M when it exists, else from sampling
# VmHWM in /proc/PID/status every 10 ms. W5 is compared with its ideal, 1 s.
#
# Progress goes to standard error, the table to standard output.
set -euo pipefail
export LC_ALL=C

usage() { sed -n '3,14s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2; exit 2; }

RUNS=5
BIN=
BASE=
while [[ $# -gt 0 ]]; do
	case $1 in
	-h | --help) usage ;;
	--bin) [[ $# -ge 2 ]] || usage; BIN=$2; shift 2 ;;
	--base) [[ $# -ge 2 ]] || usage; BASE=$2; shift 2 ;;
	*) break ;;
	esac
done
for b in "$BIN" "$BASE"; do
	if [[ -n $b && ! -x $b ]]; then
		echo "bench: $b is not an executable" >&2
		exit 2
	fi
done
if [[ $# -gt 0 && $1 =~ ^[0-9]+$ ]]; then
	RUNS=$1
	shift
fi
[[ $RUNS -ge 1 ]] || usage
ALL=(w1 w1b w2 w3 w4 w5 w6 w7 w8 w9)
WORKLOADS=()
for w in "$@"; do
	w=${w,,}
	case " ${ALL[*]} " in
	*" $w "*) WORKLOADS+=("$w") ;;
	*) echo "bench: unknown workload '$w'" >&2; usage ;;
	esac
done
[[ ${#WORKLOADS[@]} -gt 0 ]] || WORKLOADS=("${ALL[@]}")
TIMEOUT=${BENCH_TIMEOUT:-600}
[[ $TIMEOUT =~ ^[0-9]+$ ]] || { echo "bench: BENCH_TIMEOUT must be a number of seconds" >&2; exit 2; }
W4_TASKS=100000

if ! command -v python3 >/dev/null 2>&1; then
	echo "bench: python3 is not on the PATH; skipping the benchmarks (they compare asyncrun with CPython)"
	exit 0
fi

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench")

if ! command -v go >/dev/null 2>&1; then
	echo "bench: go is not on the PATH; cannot build asyncrun" >&2
	exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/asyncrun-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
if [[ -n $BIN ]]; then
	asyncrun=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
	rev="binary $asyncrun"
else
	asyncrun=$work/asyncrun
	echo "bench: building asyncrun" >&2
	(cd "$root" && go build -o "$asyncrun" ./cmd/asyncrun)
	rev=$(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
	if [[ $rev != unknown && -n $(cd "$root" && git status --porcelain --untracked-files=no 2>/dev/null) ]]; then
		rev="$rev (with uncommitted changes)"
	fi
fi
# IMPLS are the asyncrun binaries, in the order they run: the --base one
# ("before") first, if any.
IMPLS=("$asyncrun")
if [[ -n $BASE ]]; then
	BASE=$(cd "$(dirname "$BASE")" && pwd)/$(basename "$BASE")
	IMPLS=("$BASE" "$asyncrun")
fi

gnutime=
if [[ -z ${BENCH_NO_GNU_TIME:-} && -x /usr/bin/time ]] && /usr/bin/time -f %M -o "$work/probe" true 2>/dev/null &&
	[[ $(<"$work/probe") =~ ^[0-9]+$ ]]; then
	gnutime=/usr/bin/time
fi
tmo=()
if command -v timeout >/dev/null 2>&1; then
	tmo=(timeout "$TIMEOUT")
fi

now() { # seconds since the epoch, with microseconds
	if [[ -n ${EPOCHREALTIME:-} ]]; then
		echo "$EPOCHREALTIME"
	else
		date +%s.%N
	fi
}

# run_one LABEL CMD...: runs CMD, sets OUT (its standard output), SECS (wall
# time), KB (peak RSS in KiB) and CPU (user + system seconds, with GNU time
# only); stops the suite if CMD fails.
run_one() {
	local label=$1
	shift
	local t0 t1 rc=0 pid k v rest state
	KB=0
	CPU=
	t0=$(now)
	if [[ -n $gnutime ]]; then
		"${tmo[@]}" "$gnutime" -f '%M %U %S' -o "$work/rss" "$@" >"$work/out" 2>"$work/err" || rc=$?
		t1=$(now)
		if [[ $rc -eq 0 ]]; then
			read -r KB k v <<<"$(tail -n 1 "$work/rss")"
			CPU=$(awk -v u="$k" -v s="$v" 'BEGIN { printf "%.2f", u + s }')
		fi
	else
		"$@" >"$work/out" 2>"$work/err" &
		pid=$!
		while :; do
			state=
			if [[ -r /proc/$pid/status ]]; then
				while read -r k v rest; do
					case $k in
					State:) state=$v ;;
					VmHWM:) if [[ $v -gt $KB ]]; then KB=$v; fi ;;
					esac
				done <"/proc/$pid/status" 2>/dev/null || true
			fi
			[[ -z $state || $state == Z || $state == X ]] && break
			if awk -v a="$t0" -v b="$(now)" -v m="$TIMEOUT" 'BEGIN { exit !(b - a > m) }'; then
				kill "$pid" 2>/dev/null || true
			fi
			sleep 0.01
		done
		wait "$pid" || rc=$?
		t1=$(now)
	fi
	if [[ $rc -ne 0 ]]; then
		echo "bench: $label failed (exit status $rc${tmo:+; 124 is a timeout after ${TIMEOUT}s}): $*" >&2
		tail -n 20 "$work/err" >&2
		exit 1
	fi
	OUT=$(<"$work/out")
	SECS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
}

# check NAME LINE: LINE must be the first check line seen for NAME.
declare -A EXPECT=()
check() {
	local name=$1 got=$2
	if [[ -z $got ]]; then
		echo "bench: $name printed no check line" >&2
		exit 1
	fi
	if [[ -z ${EXPECT[$name]:-} ]]; then
		EXPECT[$name]=$got
	elif [[ $got != "${EXPECT[$name]}" ]]; then
		echo "bench: $name check lines differ:" >&2
		echo "  expected: ${EXPECT[$name]}" >&2
		echo "  got:      $got" >&2
		exit 1
	fi
}

median() {
	printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 }
		END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

declare -A DESC=(
	[w1]="W1  100k tasks x 10 sleep(0)"
	[w1b]="W1b 1k tasks x 1k sleep(0)"
	[w2]="W2  200k future round trips"
	[w3]="W3  1M call_soon callbacks"
	[w4]="W4  100k tasks on one future"
	[w5]="W5  100k sleeps over 0-1 s"
	[w6]="W6  1M items, 4+4 tasks, Queue"
	[w7]="W7  1k tasks x 1k Lock rounds"
	[w8]="W8  10k echo trips, 100 conns"
	[w9]="W9  500 true procs, 16 at once"
)
# the permissions a workload needs in asyncrun
declare -A FLAGS=(
	[w8]="-allow-net=127.0.0.1"
	[w9]="-allow-run=true"
)
ROWS=()
CPUROWS=()
# row DESC CPYTHON VALUE RATIO [VALUE RATIO] NOTE: one line of the table,
# with a value and ratio per asyncrun binary.
row() {
	local line
	line=$(printf '%-31s %13s' "$1" "$2")
	shift 2
	while [[ $# -gt 1 ]]; do
		line+=$(printf ' %13s %11s' "$1" "$2")
		shift 2
	done
	ROWS+=("$line  $1")
}
ratio() { awk -v p="$1" -v a="$2" 'BEGIN { printf "%.2fx", p / a }'; }
# label I: the name of asyncrun binary I in progress lines.
label() {
	if [[ ${#IMPLS[@]} -eq 1 ]]; then echo asyncrun; elif [[ $1 -eq 0 ]]; then echo before; else echo after; fi
}

for w in "${WORKLOADS[@]}"; do
	py=() pycpu=()
	AR=() ARCPU=() # AR[i]: the figures of IMPLS[i], space-separated; ARCPU[i] its CPU seconds
	if [[ $w == w4 ]]; then
		py0=() pyn=() AR0=() ARN=()
		for ((r = 1; r <= RUNS; r++)); do
			run_one "CPython $w N=0" python3 "$bench/w4.py" 0
			check w4-0 "$OUT"
			py0+=("$KB")
			run_one "CPython $w N=$W4_TASKS" python3 "$bench/w4.py" "$W4_TASKS"
			check w4-n "$OUT"
			pyn+=("$KB")
			py+=("$(awk -v a="${py0[-1]}" -v b="$KB" -v n="$W4_TASKS" 'BEGIN { printf "%.0f", (b - a) * 1024 / n }')")
			msg="bench: $w run $r/$RUNS: CPython ${py[-1]} B/task (peak RSS ${py0[-1]} -> ${pyn[-1]} KiB)"
			for i in "${!IMPLS[@]}"; do
				run_one "$(label "$i") $w N=0" "${IMPLS[$i]}" "$bench/w4.star" 0
				check w4-0 "$OUT"
				k0=$KB
				run_one "$(label "$i") $w N=$W4_TASKS" "${IMPLS[$i]}" "$bench/w4.star" "$W4_TASKS"
				check w4-n "$OUT"
				AR0[i]+=" $k0"
				ARN[i]+=" $KB"
				b=$(awk -v a="$k0" -v b="$KB" -v n="$W4_TASKS" 'BEGIN { printf "%.0f", (b - a) * 1024 / n }')
				AR[i]+=" $b"
				msg+=", $(label "$i") $b B/task ($k0 -> $KB KiB)"
			done
			echo "$msg" >&2
		done
		mp=$(median "${py[@]}")
		cols=()
		note=$(awk -v p0="$(median "${py0[@]}")" -v pn="$(median "${pyn[@]}")" 'BEGIN { printf "peak RSS N=0 -> 100k: CPython %.0f -> %.0f MiB", p0/1024, pn/1024 }')
		for i in "${!IMPLS[@]}"; do
			# shellcheck disable=SC2086 # the figures are space-separated
			ma=$(median ${AR[i]})
			cols+=("$(printf '%.0f B/task' "$ma")" "$(ratio "$mp" "$ma")")
			# shellcheck disable=SC2086
			note+=$(awk -v l="$(label "$i")" -v a0="$(median ${AR0[i]})" -v an="$(median ${ARN[i]})" 'BEGIN { printf ", %s %.0f -> %.0f MiB", l, a0/1024, an/1024 }')
		done
		row "${DESC[$w]}" "$(printf '%.0f B/task' "$mp")" "${cols[@]}" "$note"
		continue
	fi
	for ((r = 1; r <= RUNS; r++)); do
		run_one "CPython $w" python3 "$bench/$w.py"
		check "$w" "$OUT"
		py+=("$SECS")
		pycpu+=("${CPU:-0}")
		msg="bench: $w run $r/$RUNS: CPython ${py[-1]} s"
		for i in "${!IMPLS[@]}"; do
			# shellcheck disable=SC2086 # FLAGS holds zero or one flag
			run_one "$(label "$i") $w" "${IMPLS[$i]}" ${FLAGS[$w]:-} "$bench/$w.star"
			check "$w" "$OUT"
			AR[i]+=" $SECS"
			ARCPU[i]+=" ${CPU:-0}"
			msg+=", $(label "$i") $SECS s"
		done
		echo "$msg ($OUT)" >&2
	done
	mp=$(median "${py[@]}")
	cols=()
	for i in "${!IMPLS[@]}"; do
		# shellcheck disable=SC2086 # the figures are space-separated
		ma=$(median ${AR[i]})
		if [[ $w == w5 ]]; then
			cols+=("$(printf '%.3f s' "$ma")" "$(awk -v a="$ma" 'BEGIN { printf "%.2fx ideal", a / 1 }')")
		else
			cols+=("$(printf '%.3f s' "$ma")" "$(ratio "$mp" "$ma")")
		fi
	done
	if [[ -n $gnutime ]]; then
		mc=$(median "${pycpu[@]}")
		ccols=()
		for i in "${!IMPLS[@]}"; do
			# shellcheck disable=SC2086 # the figures are space-separated
			ma=$(median ${ARCPU[i]})
			ccols+=("$(printf '%.2f s' "$ma")" "$(ratio "$mc" "$ma")")
		done
		CPUROWS+=("$(printf '%-31s %13s' "${DESC[$w]}" "$(printf '%.2f s' "$mc")")$(printf ' %13s %11s' "${ccols[@]}")")
	fi
	if [[ $w == w5 ]]; then
		row "${DESC[$w]}" "$(printf '%.3f s' "$mp")" "${cols[@]}" \
			"$(awk -v p="$mp" 'BEGIN { printf "ideal 1 s; CPython %.2fx ideal", p / 1 }')"
	else
		row "${DESC[$w]}" "$(printf '%.3f s' "$mp")" "${cols[@]}" "${EXPECT[$w]}"
	fi
done

cpu=unknown
cores=unknown
if [[ -r /proc/cpuinfo ]]; then
	cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
	cores=$(grep -c '^processor' /proc/cpuinfo || true)
fi
if [[ -n $gnutime ]]; then rssby="/usr/bin/time -f %M"; else rssby="VmHWM sampled every 10 ms"; fi

echo "asyncrun benchmarks: median of $RUNS run(s) each, wall time of the whole process"
echo "date:     $(date '+%Y-%m-%d %H:%M:%S %Z')"
echo "go:       $(go version)"
echo "python:   $(python3 --version 2>&1)"
echo "cpu:      ${cpu:-unknown}, $cores cores"
echo "asyncrun: $rev"
if [[ -n $BASE ]]; then
	echo "before:   binary $BASE"
fi
echo "peak RSS: $rssby"
echo
if [[ -n $BASE ]]; then
	printf '%-31s %13s %13s %11s %13s %11s  %s\n' "workload" "CPython" "before" "ratio" "after" "ratio" "check line / note"
else
	printf '%-31s %13s %13s %11s  %s\n' "workload" "CPython" "asyncrun" "ratio" "check line / note"
fi
for r in "${ROWS[@]}"; do
	echo "$r"
done
if [[ ${#CPUROWS[@]} -gt 0 ]]; then
	echo
	echo "CPU time (user + system, all threads), medians; a busy machine disturbs it less than wall time:"
	for r in "${CPUROWS[@]}"; do
		echo "$r"
	done
fi
echo
echo "ratio: CPython / asyncrun, so >1 means asyncrun is faster (W1-W3, W6-W9) or needs less"
echo "memory per suspended task (W4); for W5, asyncrun's wall time / the ideal 1 s."
if [[ -n $BASE ]]; then
	echo "before and after ran in turn with CPython, in the same rounds."
fi
