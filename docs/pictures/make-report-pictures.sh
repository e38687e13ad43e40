#!/usr/bin/env bash
# make-report-pictures.sh: a picture of every page of the report of four real acquisitions, to look
# at the report as a reader does. Run as root from the repository root, after
#     mvn -B -o -q package -DskipTests
# It acquires, each with a throw-away signing identity (Jane Doe, under a throw-away lab CA):
#   healthy      test-fixtures/partitions/gpt-512.img.gz on a read-only loop device
#   failing      the same image behind the failing device of test-fixtures/failing-device (FUSE and
#                a read-only loop device), with unreadable sectors in two of its partitions
#   interrupted  a 1 GiB sparse file on a read-only loop device, stopped with SIGINT part-way
#   resumed      acquire resume of the interrupted one
# (TZ=Europe/Berlin), renders each report again with report render, and writes its pages as
# docs/pictures/<name>-<page>.png (pdftoppm, 60 dpi), replacing the pictures of an earlier run, and
# the failing drive's sector map as docs/report-partitions.png.
# Scratch files go to a fresh directory under ${TMPDIR:-/tmp}; the loop devices, the FUSE mount and
# the scratch directory are removed on every exit, failure or Ctrl-C included.
set -euo pipefail
# A workstation in Berlin, so the pictures show local times beside UTC as an examiner there sees them.
export TZ=Europe/Berlin

die() { echo "make-report-pictures.sh: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root: it attaches loop devices and a FUSE file system"
[ -x ./acquire ] && [ -x ./report ] && [ -d test-fixtures/partitions ] || die "run from the repository root"
[ -f target/custos.jar ] || die "no target/custos.jar: run mvn -B -o -q package -DskipTests first"
for tool in losetup blockdev pdftoppm python3 gzip; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
done
FAILING=test-fixtures/failing-device
reason="$("$FAILING/check-prereqs.sh")" || die "no failing device here: $reason"

REPO="$(pwd -P)"
PICTURES="$REPO/docs/pictures"
DPI=60
SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/custos-pictures.XXXXXX")"
LOOPS=()
ACQUISITION_PID=""

cleanup() {
    if [ -n "$ACQUISITION_PID" ]; then
        kill -TERM "$ACQUISITION_PID" 2>/dev/null || true
        wait "$ACQUISITION_PID" 2>/dev/null || true
    fi
    for loop in ${LOOPS[@]+"${LOOPS[@]}"}; do
        # The kernel keeps a read-only flag on /dev/loopN after detaching: clear it for the next user.
        blockdev --setrw "$loop" 2>/dev/null || true
        losetup -d "$loop" 2>/dev/null || true
    done
    "$FAILING/detach.sh" "$SCRATCH/fuse" || true
    rm -rf "$SCRATCH"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Runs a command quietly; on failure shows the end of what it said, and stops.
quietly() {
    "$@" >"$SCRATCH/command.log" 2>&1 || die "$* failed: $(grep -v '^progress:' "$SCRATCH/command.log" | tail -n 3)"
}

# Attaches FILE read-only and sets LOOP to the device. Not called in $( ): the subshell's LOOPS would
# be lost, and the device never detached.
attach_read_only() {
    LOOP="$(losetup -r -f --show "$1")"
    LOOPS+=("$LOOP")
}

# The report the custody log of DIR names last (report.pdf, report-2.pdf, ...).
newest_report() {
    python3 - "$1" <<'EOF'
import json, sys
name = None
with open(sys.argv[1] + "/custody.jsonl", encoding="utf-8") as log:
    for line in log:
        event = json.loads(line)
        if event["type"] == "report-rendered":
            name = event["data"]["file"]
print(sys.argv[1] + "/" + name)
EOF
}

# Renders DIR's report again and writes its pages as docs/pictures/NAME-N.png.
pictures() {
    local directory="$1" name="$2"
    quietly ./report render "$directory" "${KEY[@]}"
    rm -f "$PICTURES/$name"-*.png
    pdftoppm -r "$DPI" -png "$(newest_report "$directory")" "$PICTURES/$name"
    echo "$name: $(ls "$PICTURES/$name"-*.png | wc -l) pages"
}

# docs/report-partitions.png: the failing report's sector map, from its title to the next section's.
map_picture() {
    local report dpi=110 crop
    report="$(newest_report "$1")"
    crop="$(pdftotext -bbox "$report" - | python3 -c '
import re, sys
dpi = float(sys.argv[1])
page, words = 0, []
for line in sys.stdin:
    if "<page " in line:
        page += 1
    word = re.search(r"yMin=\"([\d.]+)\".*yMax=\"([\d.]+)\">([^<]*)<", line)
    if word:
        words.append((page, float(word.group(1)), word.group(3)))
for i, (page, top, text) in enumerate(words[:-1]):
    if text == "Sector" and words[i + 1][2] == "map":
        end = next(y for p, y, t in words[i + 2:] if p == page and t == "Bad")
        scale = dpi / 72
        print(page, int((top - 6) * scale), int(595.276 * scale), int((end - top - 2) * scale))
        break
' "$dpi")"
    [ -n "$crop" ] || die "no sector map found in $report"
    set -- $crop
    pdftoppm -r "$dpi" -f "$1" -l "$1" -y "$2" -W "$3" -H "$4" -png -singlefile "$report" "$REPO/docs/report-partitions"
}

printf 'correct horse battery staple\n' > "$SCRATCH/password"
quietly ./report keygen --name "Jane Doe" --out "$SCRATCH/jane.p12" --password-file "$SCRATCH/password" \
    --lab-ca-password-file "$SCRATCH/password"
KEY=(--key "$SCRATCH/jane.p12" --password-file "$SCRATCH/password")
CASE=(--case 2026-0142 --examiner "Jane Doe")
mkdir -p "$PICTURES"

gzip -dc test-fixtures/partitions/gpt-512.img.gz > "$SCRATCH/gpt-512.img"

# Healthy: every sector reads.
attach_read_only "$SCRATCH/gpt-512.img"
healthy="$LOOP"
quietly ./acquire image "$healthy" --out "$SCRATCH/healthy" "${CASE[@]}" --evidence DISK-01 \
    --description "USB stick, GPT, four partitions" --piece-size 1MiB "${KEY[@]}"
pictures "$SCRATCH/healthy" healthy

# Failing: unreadable sectors in partitions 1 and 3 (4 KiB-aligned, as the fixture's README advises).
failing="$("$FAILING/attach.sh" "$SCRATCH/gpt-512.img" "$SCRATCH/fuse" \
    --bad 1310720:4096 --bad 4456448:8192 --bad 5242880:4096)"
quietly ./acquire image "$failing" --out "$SCRATCH/failing" "${CASE[@]}" --evidence DISK-02 \
    --description "USB stick with bad sectors" --piece-size 1MiB --retries 1 "${KEY[@]}"
"$FAILING/detach.sh" "$SCRATCH/fuse"
pictures "$SCRATCH/failing" failing
map_picture "$SCRATCH/failing"

# Interrupted: SIGINT once 400 MiB of the source are in the image.
truncate -s 1G "$SCRATCH/large.bin"
attach_read_only "$SCRATCH/large.bin"
large="$LOOP"
# With job control on, the background job keeps SIGINT: without it, bash starts it with SIGINT ignored.
set -m
./acquire image "$large" --out "$SCRATCH/interrupted" "${CASE[@]}" --evidence DISK-03 \
    --description "Hard disk, stopped part-way and resumed" --piece-size 64MiB "${KEY[@]}" \
    >"$SCRATCH/interrupted.out" 2>&1 &
ACQUISITION_PID=$!
set +m
for _ in $(seq 1 600); do
    size="$(stat -c %s "$SCRATCH/interrupted/image.ima" 2>/dev/null || echo 0)"
    [ "$size" -ge $((400 << 20)) ] && break
    kill -0 "$ACQUISITION_PID" 2>/dev/null || break
    sleep 0.05
done
kill -INT "$ACQUISITION_PID" 2>/dev/null || die "the acquisition ended before it could be interrupted"
status=0
wait "$ACQUISITION_PID" || status=$?
ACQUISITION_PID=""
[ "$status" = 130 ] || die "the interrupted acquisition exited $status, not 130: $(tail -n 3 "$SCRATCH/interrupted.out")"
pictures "$SCRATCH/interrupted" interrupted

# Resumed: the same evidence directory, from where it stopped.
quietly ./acquire resume "$SCRATCH/interrupted" "${KEY[@]}"
pictures "$SCRATCH/interrupted" resumed

du -ch "$PICTURES"/*.png | tail -n 1
