# One RelayDesk service: rendered by render.sh for each service (NAME, PORT, DB).
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${NAME}
  labels: {app.kubernetes.io/name: ${NAME}, app.kubernetes.io/part-of: relaydesk}
spec:
  replicas: ${REPLICAS}
  selector:
    matchLabels: {app.kubernetes.io/name: ${NAME}}
  template:
    metadata:
      labels: {app.kubernetes.io/name: ${NAME}, app.kubernetes.io/part-of: relaydesk}
      annotations: {prometheus.io/scrape: "true", prometheus.io/path: /q/metrics, prometheus.io/port: "${PORT}"}
    spec:
      containers:
        - name: ${NAME}
          image: relaydesk/${NAME}:0.1.0
          ports: [{containerPort: ${PORT}, name: http}]
          env:
            - {name: QUARKUS_HTTP_PORT, value: "${PORT}"}
            - {name: HTTP_HOST, value: 0.0.0.0}
            - {name: KAFKA_BOOTSTRAP_SERVERS, value: kafka:9092}
            - {name: OIDC_AUTH_SERVER_URL, value: http://keycloak:8180/realms/relaydesk}
            - {name: ELASTICSEARCH_HOSTS, value: elasticsearch:9200}
            - {name: TICKET_SERVICE_URL, value: "http://ticket-service:8081"}
            - {name: DB_URL, value: "jdbc:postgresql://postgres:5432/relaydesk_${DB}"}
            - {name: DB_USER, value: "relaydesk_${DB}"}
            - name: DB_PASSWORD
              valueFrom: {secretKeyRef: {name: relaydesk-db, key: "${DB}", optional: true}}
          readinessProbe: {httpGet: {path: /q/health/ready, port: http}, periodSeconds: 5}
          livenessProbe: {httpGet: {path: /q/health/live, port: http}, periodSeconds: 10}
          resources:
            requests: {cpu: 100m, memory: 256Mi}
            limits: {memory: 512Mi}
---
apiVersion: v1
kind: Service
metadata:
  name: ${NAME}
  labels: {app.kubernetes.io/name: ${NAME}, app.kubernetes.io/part-of: relaydesk}
spec:
  selector: {app.kubernetes.io/name: ${NAME}}
  ports: [{port: ${PORT}, targetPort: http, name: http}]
---
