{{/*
One Deployment of the ACS image. Arguments: root (the chart context), component ("silo" or "gateway"), roles (the
Cwmp:Roles value) and spec (the values section of the component).
*/}}
{{- define "cwmp.deployment" -}}
{{- $root := .root -}}
{{- $spec := .spec -}}
{{- $serving := eq .component (include "cwmp.servingComponent" $root) -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "cwmp.fullname" $root }}-{{ .component }}
  labels:
    {{- include "cwmp.labels" $root | nindent 4 }}
    app.kubernetes.io/component: {{ .component }}
spec:
  replicas: {{ $spec.replicas }}
  selector:
    matchLabels:
      {{- include "cwmp.selectorLabels" (dict "root" $root "component" .component) | nindent 6 }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      # Never below the wanted capacity during a rollout: a new pod joins (and is ready) before an old one leaves.
      maxUnavailable: 0
      maxSurge: 1
  template:
    metadata:
      labels:
        {{- include "cwmp.selectorLabels" (dict "root" $root "component" .component) | nindent 8 }}
        orleans/clusterId: {{ $root.Values.orleans.clusterId | quote }}
        orleans/serviceId: {{ $root.Values.orleans.serviceId | quote }}
      annotations:
        checksum/secrets: {{ include (print $root.Template.BasePath "/secrets.yaml") $root | sha256sum }}
    spec:
      serviceAccountName: {{ include "cwmp.serviceAccountName" $root }}
      {{- with $root.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      terminationGracePeriodSeconds: {{ $spec.terminationGracePeriodSeconds }}
      securityContext:
        {{- toYaml $root.Values.podSecurityContext | nindent 8 }}
      {{- if eq $root.Values.podAntiAffinity "soft" }}
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                topologyKey: kubernetes.io/hostname
                labelSelector:
                  matchLabels:
                    {{- include "cwmp.selectorLabels" (dict "root" $root "component" .component) | nindent 20 }}
      {{- end }}
      {{- if $root.Values.topologySpread.enabled }}
      topologySpreadConstraints:
        - maxSkew: {{ $root.Values.topologySpread.maxSkew }}
          topologyKey: {{ $root.Values.topologySpread.topologyKey }}
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "cwmp.selectorLabels" (dict "root" $root "component" .component) | nindent 14 }}
      {{- end }}
      {{- with $spec.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $spec.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: acs
          image: "{{ $root.Values.image.repository }}:{{ default $root.Chart.AppVersion $root.Values.image.tag }}"
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          securityContext:
            {{- toYaml $root.Values.securityContext | nindent 12 }}
          env:
            - name: Cwmp__Roles
              value: {{ .roles | quote }}
            {{- include "cwmp.env" $root | nindent 12 }}
            {{- with $spec.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          ports:
            - { name: cwmp, containerPort: {{ $root.Values.ports.cwmp }}, protocol: TCP }
            - { name: nbi, containerPort: {{ $root.Values.ports.nbi }}, protocol: TCP }
            - { name: files, containerPort: {{ $root.Values.ports.files }}, protocol: TCP }
            {{- if ne .component "gateway" }}
            - { name: silo, containerPort: {{ $root.Values.orleans.siloPort }}, protocol: TCP }
            - { name: orleans-gw, containerPort: {{ $root.Values.orleans.gatewayPort }}, protocol: TCP }
            {{- end }}
          # Liveness asks nothing of storage: a Redis outage must not restart every pod. Readiness does: a pod whose
          # silo is not active or whose storage does not answer takes no new CPE sessions.
          livenessProbe:
            httpGet: { path: /healthz, port: nbi }
            periodSeconds: 10
            failureThreshold: 6
          readinessProbe:
            httpGet: { path: /readyz, port: nbi }
            periodSeconds: 5
            failureThreshold: 2
          startupProbe:
            httpGet: { path: /healthz, port: nbi }
            periodSeconds: 2
            failureThreshold: 60
          resources:
            {{- toYaml $spec.resources | nindent 12 }}
          volumeMounts:
            - { name: tmp, mountPath: /tmp }
            {{- if and $serving $root.Values.files.persistence.enabled }}
            - { name: files, mountPath: {{ $root.Values.files.mountPath }} }
            {{- end }}
            {{- if $root.Values.tls.existingSecret }}
            - { name: tls, mountPath: /etc/cwmp/tls, readOnly: true }
            {{- end }}
      volumes:
        - name: tmp
          emptyDir: {}
        {{- if and $serving $root.Values.files.persistence.enabled }}
        - name: files
          persistentVolumeClaim:
            claimName: {{ include "cwmp.filesClaimName" $root }}
        {{- end }}
        {{- if $root.Values.tls.existingSecret }}
        - name: tls
          secret:
            secretName: {{ $root.Values.tls.existingSecret }}
            items:
              - { key: certificate.pfx, path: certificate.pfx }
        {{- end }}
{{- end -}}
