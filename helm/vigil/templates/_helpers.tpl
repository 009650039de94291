{{/* The release's base name, at most 45 characters (Flink appends suffixes to it). */}}
{{- define "vigil.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 45 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 45 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "vigil.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "vigil.selector" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Where checkpoints, savepoints and HA metadata live. */}}
{{- define "vigil.storage" -}}
{{- printf "s3p://%s/%s" .Values.flink.storage.bucket .Values.flink.storage.prefix -}}
{{- end -}}

{{/* The container security context of every container: non-root, no privilege escalation, no capabilities. */}}
{{- define "vigil.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.securityContext.runAsUser }}
runAsGroup: {{ .Values.securityContext.runAsGroup }}
allowPrivilegeEscalation: false
privileged: false
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "vigil.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.securityContext.runAsUser }}
runAsGroup: {{ .Values.securityContext.runAsGroup }}
fsGroup: {{ .Values.securityContext.fsGroup }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Kafka security protocol from the SASL and TLS switches. */}}
{{- define "vigil.kafkaProtocol" -}}
{{- if and .Values.kafka.sasl.enabled .Values.kafka.tls.enabled -}}SASL_SSL
{{- else if .Values.kafka.sasl.enabled -}}SASL_PLAINTEXT
{{- else if .Values.kafka.tls.enabled -}}SSL
{{- else -}}PLAINTEXT
{{- end -}}
{{- end -}}

{{/* Environment variables holding credentials, each from its Secret (never inlined). */}}
{{- define "vigil.secretEnv" -}}
{{- if .Values.kafka.sasl.enabled }}
- name: VIGIL_KAFKA_USERNAME
  valueFrom:
    secretKeyRef: {name: {{ .Values.kafka.sasl.secretName | quote }}, key: {{ .Values.kafka.sasl.usernameKey | quote }}}
- name: VIGIL_KAFKA_PASSWORD
  valueFrom:
    secretKeyRef: {name: {{ .Values.kafka.sasl.secretName | quote }}, key: {{ .Values.kafka.sasl.passwordKey | quote }}}
{{- end }}
{{- if .Values.kafka.tls.enabled }}
- name: VIGIL_KAFKA_TRUSTSTORE_PASSWORD
  valueFrom:
    secretKeyRef: {name: {{ .Values.kafka.tls.secretName | quote }}, key: {{ .Values.kafka.tls.passwordKey | quote }}}
{{- end }}
{{- end -}}

{{- define "vigil.secretVolumeMounts" -}}
{{- if .Values.kafka.tls.enabled }}
- name: kafka-tls
  mountPath: /opt/vigil/secrets/kafka-tls
  readOnly: true
{{- end }}
{{- if and .Values.pulsar.enabled .Values.pulsar.tls.secretName }}
- name: pulsar-tls
  mountPath: /opt/vigil/secrets/pulsar-tls
  readOnly: true
{{- end }}
{{- if and .Values.pulsar.enabled .Values.pulsar.auth.secretName }}
- name: pulsar-token
  mountPath: /opt/vigil/secrets/pulsar-token
  readOnly: true
{{- end }}
{{- end -}}

{{- define "vigil.secretVolumes" -}}
{{- if .Values.kafka.tls.enabled }}
- name: kafka-tls
  secret:
    secretName: {{ .Values.kafka.tls.secretName | quote }}
    items:
      - {key: {{ .Values.kafka.tls.truststoreKey | quote }}, path: truststore.p12}
{{- end }}
{{- if and .Values.pulsar.enabled .Values.pulsar.tls.secretName }}
- name: pulsar-tls
  secret:
    secretName: {{ .Values.pulsar.tls.secretName | quote }}
    items:
      - {key: {{ .Values.pulsar.tls.caKey | quote }}, path: ca.crt}
{{- end }}
{{- if and .Values.pulsar.enabled .Values.pulsar.auth.secretName }}
- name: pulsar-token
  secret:
    secretName: {{ .Values.pulsar.auth.secretName | quote }}
    items:
      - {key: {{ .Values.pulsar.auth.tokenKey | quote }}, path: token}
{{- end }}
{{- end -}}
