#!/usr/bin/env bash
# Renders the Kubernetes manifests of all seven services to stdout:
#   deploy/k8s/render.sh | kubectl apply -f -
# PostgreSQL, Kafka, Elasticsearch and Keycloak are expected as in-cluster services named
# postgres, kafka, elasticsearch and keycloak (operators or managed offerings).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
render() {
  NAME=$1 PORT=$2 DB=$3 REPLICAS=$4 envsubst '${NAME} ${PORT} ${DB} ${REPLICAS}' < "$here/service.yaml.tpl"
}
render ticket-service 8081 ticket 2
render mail-gateway-service 8082 mailgw 1
render escalation-service 8083 escalation 2
render search-service 8084 search 2
render faq-service 8085 faq 1
render notification-service 8086 notification 2
render api-gateway 8080 none 2
