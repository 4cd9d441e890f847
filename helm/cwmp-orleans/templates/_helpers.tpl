{{/* Chart name, truncated to the 63 characters Kubernetes allows in a label. */}}
{{- define "cwmp.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "cwmp.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "cwmp.labels" -}}
app.kubernetes.io/name: {{ include "cwmp.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* Selector labels of one component (silo or gateway). */}}
{{- define "cwmp.selectorLabels" -}}
app.kubernetes.io/name: {{ include "cwmp.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* Pods that serve CWMP, NBI and files: the gateways when they are separate, else the silos. */}}
{{- define "cwmp.servingComponent" -}}
{{- if .Values.gateways.enabled -}}gateway{{- else -}}silo{{- end -}}
{{- end -}}

{{- define "cwmp.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "cwmp.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "cwmp.redisSecretName" -}}
{{- if .Values.redis.existingSecret -}}{{ .Values.redis.existingSecret }}{{- else -}}{{ include "cwmp.fullname" . }}-redis{{- end -}}
{{- end -}}

{{- define "cwmp.authSecretName" -}}
{{- if .Values.auth.existingSecret -}}{{ .Values.auth.existingSecret }}{{- else -}}{{ include "cwmp.fullname" . }}-auth{{- end -}}
{{- end -}}

{{- define "cwmp.filesClaimName" -}}
{{- if .Values.files.persistence.existingClaim -}}{{ .Values.files.persistence.existingClaim }}{{- else -}}{{ include "cwmp.fullname" . }}-files{{- end -}}
{{- end -}}

{{/*
The environment every pod shares. Orleans cluster identity comes from the values and the pod's own address from the
downward API, so a rescheduled pod advertises its new address.
*/}}
{{- define "cwmp.env" -}}
- name: ASPNETCORE_ENVIRONMENT
  value: Production
- name: POD_IP
  valueFrom:
    fieldRef:
      fieldPath: status.podIP
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: Cwmp__Orleans__AdvertisedIPAddress
  value: $(POD_IP)
- name: Cwmp__Orleans__ClusterId
  value: {{ .Values.orleans.clusterId | quote }}
- name: Cwmp__Orleans__ServiceId
  value: {{ .Values.orleans.serviceId | quote }}
- name: Cwmp__Orleans__SiloPort
  value: {{ .Values.orleans.siloPort | quote }}
- name: Cwmp__Orleans__GatewayPort
  value: {{ .Values.orleans.gatewayPort | quote }}
- name: Cwmp__Storage__Mode
  value: Redis
- name: Cwmp__Storage__ConnectionString
  valueFrom:
    secretKeyRef:
      name: {{ include "cwmp.redisSecretName" . }}
      key: {{ .Values.redis.existingSecretKey }}
- name: Cwmp__Ports__Cwmp
  value: {{ .Values.ports.cwmp | quote }}
- name: Cwmp__Ports__Nbi
  value: {{ .Values.ports.nbi | quote }}
- name: Cwmp__Ports__Files
  value: {{ .Values.ports.files | quote }}
- name: Cwmp__Auth__Required
  value: {{ .Values.auth.required | quote }}
- name: Cwmp__Auth__DigestAlgorithm
  value: {{ .Values.auth.digestAlgorithm | quote }}
- name: Cwmp__Auth__NonceSecret
  valueFrom:
    secretKeyRef:
      name: {{ include "cwmp.authSecretName" . }}
      key: nonce-secret
- name: Cwmp__Auth__Credentials__DerivedSecret
  valueFrom:
    secretKeyRef:
      name: {{ include "cwmp.authSecretName" . }}
      key: derived-secret
      optional: true
- name: Cwmp__Gateway__MaxConcurrentSessions
  value: {{ .Values.admission.maxConcurrentSessions | quote }}
- name: Cwmp__Files__Directory
  value: {{ .Values.files.mountPath | quote }}
{{- if .Values.forwardedHeaders.enabled }}
- name: Cwmp__ForwardedHeaders__Enabled
  value: "true"
{{- range $i, $network := .Values.forwardedHeaders.knownNetworks }}
- name: Cwmp__ForwardedHeaders__KnownNetworks__{{ $i }}
  value: {{ $network | quote }}
{{- end }}
{{- end }}
{{- if .Values.tls.existingSecret }}
- name: Cwmp__Tls__CertificatePath
  value: /etc/cwmp/tls/certificate.pfx
- name: Cwmp__Tls__CertificatePassword
  valueFrom:
    secretKeyRef:
      name: {{ .Values.tls.existingSecret }}
      key: password
      optional: true
- name: Cwmp__Tls__ClientCertificates
  value: {{ .Values.tls.clientCertificates | quote }}
{{- end }}
{{- if .Values.otlp.endpoint }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ .Values.otlp.endpoint | quote }}
- name: OTEL_SERVICE_NAME
  value: {{ include "cwmp.fullname" . }}
- name: OTEL_RESOURCE_ATTRIBUTES
  value: k8s.pod.name=$(POD_NAME),service.instance.id=$(POD_NAME)
{{- end }}
{{- range $key, $value := .Values.config }}
- name: {{ $key }}
  value: {{ $value | quote }}
{{- end }}
{{- end -}}
