#!/usr/bin/env bash
# Builds the two container-image functions (validate-order, persist-order) from their Dockerfiles and pushes them
# to their ECR repositories, tagged <tag>. Run from the repository root after `mvn install` built the jars.
# Tags are immutable: a tag that is already in a repository is left as it is (the same commit built twice, e.g.
# by GitHub Actions and by CodePipeline, pushes once).
#
#   infra/scripts/publish-images.sh <tag> <validate-order repository URL> <persist-order repository URL>
#
# The repository URLs are stack outputs (validateOrderRepositoryUrl, persistOrderRepositoryUrl); CodeBuild gets
# them as VALIDATE_ORDER_REPOSITORY and PERSIST_ORDER_REPOSITORY.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ $# -ne 3 ]; then
  echo "usage: $0 <tag> <validate-order repository URL> <persist-order repository URL>" >&2
  exit 64
fi
tag="$1"
registry="${2%%/*}"                                  # 123456789012.dkr.ecr.eu-west-1.amazonaws.com
region="$(echo "$registry" | cut -d. -f4)"

# Lambda takes single-platform images only: no buildx provenance/attestation index.
export BUILDX_NO_DEFAULT_ATTESTATIONS=1
aws ecr get-login-password --region "$region" | docker login --username AWS --password-stdin "$registry"

publish() {
  local function="$1" repository="$2"
  local name="${repository#*/}"
  if aws ecr describe-images --region "$region" --repository-name "$name" --image-ids imageTag="$tag" >/dev/null 2>&1; then
    echo "publish-images: $name:$tag is already there"
    return
  fi
  docker build --platform linux/amd64 --tag "$repository:$tag" "functions/$function"
  docker push "$repository:$tag"
}

publish validate-order "$2"
publish persist-order "$3"
