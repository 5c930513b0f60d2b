#!/usr/bin/env bash
# Regenerates the README's pictures of the terminal UI (assets/guided-*.png) from the
# current build: tshoot runs in tmux at 80x24 with the built-in guides, English, colour;
# each screen is captured with its attributes and drawn by scripts/screenshot.py.
# Needs tmux, Python 3 with Pillow, and the DejaVu fonts. Run from the repository root
# after `cargo build`.
set -euo pipefail
bin=${TSHOOT:-target/debug/tshoot}
name=tshoot-screenshots-$$
tmp=$(mktemp -d)
trap 'tmux kill-session -t "$name" 2>/dev/null || true; rm -rf "$tmp"' EXIT

shot() { # shot OUT.png: capture the pane and draw it
  sleep 0.5
  tmux capture-pane -e -p -t "$name" > "$tmp/screen.ansi"
  python3 scripts/screenshot.py "$tmp/screen.ansi" "$1"
}

tmux new-session -d -s "$name" -x 80 -y 24 \
  "env -u NO_COLOR XDG_DATA_HOME=$tmp/data XDG_STATE_HOME=$tmp/state XDG_CONFIG_HOME=$tmp/config TSHOOT_LANG=en TERM=xterm-256color $bin"
sleep 1
# Home → the dashboard guide → a guided session → "In the ITSMC dashboard".
tmux send-keys -t "$name" Enter
sleep 0.3
tmux send-keys -t "$name" 1
sleep 0.3
tmux send-keys -t "$name" 1
shot assets/guided-question.png
# "StatusCode=429": the rate-limit outcome, its first step ticked.
tmux send-keys -t "$name" 4
sleep 0.3
tmux send-keys -t "$name" Space
shot assets/guided-outcome.png
