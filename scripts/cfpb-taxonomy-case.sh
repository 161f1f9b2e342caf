#!/bin/sh
# The CFPB case of docs/taxonomy.md: label half of the CFPB complaints that carry a narrative
# (the human "Issue" column as labels), mine phrases from that half, score the other half, and
# compare with a trained linear model on the same split.
#
#   scripts/cfpb-taxonomy-case.sh [REALDATA] [WORKDIR]
#
# REALDATA defaults to ../shared/realdata; WORKDIR to /tmp/plaint-cfpb-case (rebuilt each time).
# Needs a debug build (.build/debug/plaint). The model comparison runs when .venv-baseline holds
# scikit-learn: python3 -m venv .venv-baseline && .venv-baseline/bin/pip install scikit-learn
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-$root/../shared/realdata}
work=${2:-/tmp/plaint-cfpb-case}
plaint=$root/.build/debug/plaint

rm -rf "$work"
mkdir -p "$work/exports"
cp "$data/cfpb-sample/complaints_sample_tgschwartz.csv" "$work/exports/"
cp "$data/cfpb-2023-truncated/complaints.csv" "$work/exports/complaints_2023_truncated.csv"
cp "$root/scripts/cfpb-case/plaint.yml" "$work/"
cp "$root/scripts/cfpb-case/taxonomy-before.yml" "$work/taxonomy.yml"
python3 "$root/scripts/cfpb-case/labels.py" "$work/exports" > "$work/labels.csv"

cd "$work"
"$plaint" run --config plaint.yml --quiet > /dev/null
echo "== before: the hand-written taxonomy on the test half"
"$plaint" taxonomy test --config plaint.yml --labels labels.csv --split test | sed -n '1,8p'
echo "== suggestions mined from the train half"
"$plaint" taxonomy suggest --config plaint.yml --labels labels.csv --split train > suggestions.yml
sed -n '1,12p' suggestions.yml
echo "== from an empty start: suggestions alone"
printf 'categories:\n  other:\n    issues:\n      placeholder: {phrases: [zzzzzz]}\n' > empty.yml
sed 's/^taxonomy: .*/taxonomy: empty.yml/' plaint.yml > plaint-empty.yml
"$plaint" taxonomy suggest --config plaint-empty.yml --labels labels.csv --split train | sed -n '1,4p'
if [ -x "$root/.venv-baseline/bin/python" ]; then
  echo "== a trained linear model on the same split"
  "$root/.venv-baseline/bin/python" "$root/scripts/baseline_model.py" "$work/exports"
fi
