#!/usr/bin/env bash
# Reproduces nl2sql-gnn's models end to end, with one command:
#   feature export (Java) -> GNN and join-model training + ONNX export (Python, Debian's python3-torch)
#   -> models copied into src/main/resources -> evaluation with the Java linkers (DJL OnnxRuntime)
#   -> MODEL_CARD.md.
# Usage: nl2sql-gnn/train/pipeline.sh [SPIDER_TRAIN_DIR] [SPIDER_SYN_JSON]
# (SKIP_MERGED=1 skips the slow merged-catalog evaluations; WORK=DIR moves the work folder.)
# Needs: JDK 17, Maven, /usr/bin/python3 with torch and onnx
# (apt-get install -y python3-torch python3-onnx). The Java steps run from the bench's self-contained jar
# (nl2sql-bench/target/nl2sql-bench.jar, which carries this module and the models in its resources), so
# the evaluation is the bench's `link` command, the one the README's figures come from.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DATA=${1:-${NL2SQL_SPIDER_DIR:-$ROOT/../shared/data/spider-train}}
SYN=${2:-$DATA/../spider-syn-train/train_spider_syn.json}
WORK=${WORK:-$ROOT/nl2sql-gnn/target/pipeline}
PY=/usr/bin/python3
TRAIN=$ROOT/nl2sql-gnn/train
MODELS=$ROOT/nl2sql-gnn/src/main/resources/io/github/nl2sql/gnn/model
EPOCHS=${EPOCHS:-3}
mkdir -p "$WORK/eval"
cd "$ROOT"

JAR=nl2sql-bench/target/nl2sql-bench.jar
build() { mvn -q -pl nl2sql-bench -am package -DskipTests; }
run() { java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$JAR" "$@"; }
link() { java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -jar "$JAR" link --progress off "$@"; }

echo "== split" >&2
$PY "$TRAIN/make_split.py" "$DATA" "$WORK/split.json"
cmp -s "$WORK/split.json" nl2sql-gnn/src/main/resources/io/github/nl2sql/gnn/split.json \
  || { echo "split.json differs from the committed split (other tables.json?)" >&2; exit 1; }

echo "== self-test of the trainer" >&2
$PY "$TRAIN/selftest.py" >&2

build
echo "== feature export" >&2
SYN_ARG=()
[ -f "$SYN" ] && SYN_ARG=("$SYN")
run io.github.nl2sql.gnn.eval.FeatureExport "$DATA" "$WORK" "$DATA/train_spider.json" "${SYN_ARG[@]}"
run io.github.nl2sql.gnn.eval.JoinExport "$DATA" "$WORK"

echo "== training" >&2
$PY "$TRAIN/train.py" --data "$WORK" --out "$WORK" --epochs "$EPOCHS" > "$WORK/train_metrics.json"
$PY "$TRAIN/train_join.py" --data "$WORK" --out "$WORK" > "$WORK/join_metrics.json"
cp "$WORK/gnn.onnx" "$WORK/gnn.json" "$WORK/join.onnx" "$WORK/join.json" "$MODELS/"

echo "== evaluation on the validation databases" >&2
build
Q="$DATA/train_spider.json"
for cfg in LEXICAL,VALUE,COMMENT EMBEDDING GNN LEXICAL,VALUE,COMMENT,EMBEDDING LEXICAL,VALUE,COMMENT,EMBEDDING,GNN; do
  name=$(echo "$cfg" | tr 'A-Z,' 'a-z+')
  link --data "$DATA" --questions "$Q" --split validation --signals "$cfg" | tail -n 1 > "$WORK/eval/db_$name.json"
  if [ "${SKIP_MERGED:-0}" != 1 ]; then
    link --data "$DATA" --questions "$Q" --split validation --signals "$cfg" --merged \
      | tail -n 1 > "$WORK/eval/merged_$name.json"
  fi
done
run io.github.nl2sql.gnn.eval.JoinEval "$DATA" validation | tail -n 1 > "$WORK/eval/join.json"

$PY "$TRAIN/make_card.py" "$WORK" > nl2sql-gnn/MODEL_CARD.md
echo "done: models in $MODELS, card in nl2sql-gnn/MODEL_CARD.md, summaries in $WORK/eval" >&2
