#!/usr/bin/env python3
"""Generates loadtests/Cwmp.Swarm/Templates/device2-home-gateway.tsv from the BBF TR-181 Device:2 definition.

Names, types, writability, enumerations and ranges come from tr-181-2-17-0-cwmp-full.xml (parameters up to
version 2.12, what a mid-2010s home gateway implements); the default values are ours, chosen to look like a
dual-band home gateway. Tokens in braces ({serial}, {mac+1}, {acsurl} ...) are resolved per simulated device.

Usage: python3 gen-device2-template.py /path/to/tr-181-2-17-0-cwmp-full.xml > device2-home-gateway.tsv
"""
import sys
import xml.etree.ElementTree as ET

MAX_VERSION = (2, 12)

# object path (with {i}) -> instance numbers present in the template
TABLES = {
    'Device.Ethernet.Interface.{i}.': [1, 2, 3, 4, 5],
    'Device.Ethernet.Link.{i}.': [1, 2],
    'Device.WiFi.Radio.{i}.': [1, 2],
    'Device.WiFi.SSID.{i}.': [1, 2, 3, 4],
    'Device.WiFi.AccessPoint.{i}.': [1, 2, 3, 4],
    'Device.WiFi.AccessPoint.{i}.AssociatedDevice.{i}.': [1, 2],
    'Device.IP.Interface.{i}.': [1, 2],
    'Device.IP.Interface.{i}.IPv4Address.{i}.': [1],
    'Device.IP.Diagnostics.TraceRoute.RouteHops.{i}.': [],
    'Device.Hosts.Host.{i}.': [1, 2, 3, 4],
    'Device.DHCPv4.Client.{i}.': [1],
    'Device.DHCPv4.Server.Pool.{i}.': [1],
    'Device.DHCPv4.Server.Pool.{i}.StaticAddress.{i}.': [1],
    'Device.DHCPv4.Server.Pool.{i}.Client.{i}.': [],
    'Device.NAT.InterfaceSetting.{i}.': [1],
    'Device.NAT.PortMapping.{i}.': [1, 2],
    'Device.DNS.Client.Server.{i}.': [1, 2],
    'Device.ManagementServer.InformParameter.{i}.': [],
}

OBJECTS = [
    'Device.', 'Device.DeviceInfo.', 'Device.DeviceInfo.MemoryStatus.', 'Device.DeviceInfo.ProcessStatus.',
    'Device.ManagementServer.', 'Device.ManagementServer.InformParameter.{i}.', 'Device.Time.',
    'Device.Ethernet.', 'Device.Ethernet.Interface.{i}.', 'Device.Ethernet.Interface.{i}.Stats.',
    'Device.Ethernet.Link.{i}.', 'Device.Ethernet.Link.{i}.Stats.',
    'Device.WiFi.', 'Device.WiFi.Radio.{i}.', 'Device.WiFi.Radio.{i}.Stats.', 'Device.WiFi.SSID.{i}.',
    'Device.WiFi.SSID.{i}.Stats.', 'Device.WiFi.AccessPoint.{i}.', 'Device.WiFi.AccessPoint.{i}.Security.',
    'Device.WiFi.AccessPoint.{i}.WPS.', 'Device.WiFi.AccessPoint.{i}.AssociatedDevice.{i}.',
    'Device.IP.', 'Device.IP.Interface.{i}.', 'Device.IP.Interface.{i}.IPv4Address.{i}.', 'Device.IP.Interface.{i}.Stats.',
    'Device.IP.Diagnostics.', 'Device.IP.Diagnostics.IPPing.', 'Device.IP.Diagnostics.TraceRoute.',
    'Device.IP.Diagnostics.TraceRoute.RouteHops.{i}.', 'Device.IP.Diagnostics.DownloadDiagnostics.',
    'Device.IP.Diagnostics.UploadDiagnostics.', 'Device.IP.Diagnostics.UDPEchoDiagnostics.',
    'Device.Hosts.', 'Device.Hosts.Host.{i}.',
    'Device.DHCPv4.', 'Device.DHCPv4.Client.{i}.', 'Device.DHCPv4.Server.', 'Device.DHCPv4.Server.Pool.{i}.',
    'Device.DHCPv4.Server.Pool.{i}.StaticAddress.{i}.', 'Device.DHCPv4.Server.Pool.{i}.Client.{i}.',
    'Device.NAT.', 'Device.NAT.InterfaceSetting.{i}.', 'Device.NAT.PortMapping.{i}.',
    'Device.DNS.', 'Device.DNS.Client.', 'Device.DNS.Client.Server.{i}.',
]

# Defaults by full template path (with {i}); an instance-specific default uses the path with its numbers.
DEFAULTS = {
    'Device.RootDataModelVersion': '2.12',
    'Device.DeviceInfo.DeviceCategory': 'HomeGateway',
    'Device.DeviceInfo.Manufacturer': '{manufacturer}',
    'Device.DeviceInfo.ManufacturerOUI': '{oui}',
    'Device.DeviceInfo.ModelName': 'SwarmGW-2000',
    'Device.DeviceInfo.ModelNumber': 'SGW2000-AX',
    'Device.DeviceInfo.Description': 'Simulated dual-band home gateway',
    'Device.DeviceInfo.ProductClass': '{productclass}',
    'Device.DeviceInfo.SerialNumber': '{serial}',
    'Device.DeviceInfo.HardwareVersion': 'HW-2.1',
    'Device.DeviceInfo.SoftwareVersion': '{softwareversion}',
    'Device.DeviceInfo.ActiveFirmwareImage': '',
    'Device.DeviceInfo.AdditionalSoftwareVersion': 'boot-1.4.2',
    'Device.DeviceInfo.UpTime': '{uptime}',
    'Device.DeviceInfo.FirstUseDate': '2024-03-01T08:00:00Z',
    'Device.DeviceInfo.HostName': 'gateway',
    'Device.DeviceInfo.MemoryStatus.Total': '524288',
    'Device.DeviceInfo.MemoryStatus.Free': '301244',
    'Device.DeviceInfo.ProcessStatus.CPUUsage': '7',
    'Device.ManagementServer.EnableCWMP': 'true',
    'Device.ManagementServer.URL': '{acsurl}',
    'Device.ManagementServer.Username': '{acsuser}',
    'Device.ManagementServer.Password': '{acspass}',
    'Device.ManagementServer.PeriodicInformEnable': 'true',
    'Device.ManagementServer.PeriodicInformInterval': '{interval}',
    'Device.ManagementServer.PeriodicInformTime': '0001-01-01T00:00:00Z',
    'Device.ManagementServer.ConnectionRequestURL': '{crurl}',
    'Device.ManagementServer.ConnectionRequestUsername': '{cruser}',
    'Device.ManagementServer.ConnectionRequestPassword': '{crpass}',
    'Device.ManagementServer.UpgradesManaged': 'false',
    'Device.ManagementServer.HTTPConnectionRequestEnable': 'true',
    'Device.ManagementServer.CWMPRetryMinimumWaitInterval': '5',
    'Device.ManagementServer.CWMPRetryIntervalMultiplier': '2000',
    'Device.ManagementServer.UDPConnectionRequestAddress': '{udpcr}',
    'Device.ManagementServer.STUNServerPort': '3478',
    'Device.ManagementServer.SupportedConnReqMethods': 'HTTP,STUN',
    'Device.ManagementServer.HTTPCompressionSupported': '',
    'Device.ManagementServer.HTTPCompression': 'Disabled',
    'Device.ManagementServer.InstanceMode': 'InstanceNumber',
    'Device.ManagementServer.DefaultActiveNotificationThrottle': '0',
    'Device.Time.Enable': 'true',
    'Device.Time.Status': 'Synchronized',
    'Device.Time.NTPServer1': 'pool.ntp.org',
    'Device.Time.CurrentLocalTime': '{now}',
    'Device.Time.LocalTimeZone': 'CET-1CEST,M3.5.0,M10.5.0/3',
    'Device.WiFi.Radio.1.OperatingFrequencyBand': '2.4GHz',
    'Device.WiFi.Radio.2.OperatingFrequencyBand': '5GHz',
    'Device.WiFi.Radio.1.SupportedFrequencyBands': '2.4GHz',
    'Device.WiFi.Radio.2.SupportedFrequencyBands': '5GHz',
    'Device.WiFi.Radio.1.Channel': '6',
    'Device.WiFi.Radio.2.Channel': '36',
    'Device.WiFi.Radio.1.PossibleChannels': '1-13',
    'Device.WiFi.Radio.2.PossibleChannels': '36,40,44,48,52,56,60,64,100,104,108,112',
    'Device.WiFi.Radio.1.OperatingStandards': 'b,g,n,ax',
    'Device.WiFi.Radio.2.OperatingStandards': 'a,n,ac,ax',
    'Device.WiFi.Radio.1.SupportedStandards': 'b,g,n,ax',
    'Device.WiFi.Radio.2.SupportedStandards': 'a,n,ac,ax',
    'Device.WiFi.Radio.1.OperatingChannelBandwidth': '20MHz',
    'Device.WiFi.Radio.2.OperatingChannelBandwidth': '80MHz',
    'Device.WiFi.Radio.1.Name': 'wlan0',
    'Device.WiFi.Radio.2.Name': 'wlan1',
    'Device.WiFi.Radio.{i}.TransmitPower': '100',
    'Device.WiFi.Radio.{i}.TransmitPowerSupported': '25,50,75,100',
    'Device.WiFi.Radio.{i}.RegulatoryDomain': 'DE ',
    'Device.WiFi.Radio.{i}.BeaconPeriod': '100',
    'Device.WiFi.Radio.{i}.DTIMPeriod': '1',
    'Device.WiFi.Radio.{i}.MaxBitRate': '1200',
    'Device.WiFi.Radio.{i}.MaxSupportedSSIDs': '4',
    'Device.WiFi.Radio.{i}.MaxSupportedAssociations': '32',
    'Device.WiFi.Radio.{i}.AutoChannelSupported': 'true',
    'Device.WiFi.Radio.{i}.AutoChannelEnable': 'true',
    'Device.WiFi.Radio.{i}.RTSThreshold': '2347',
    'Device.WiFi.Radio.{i}.FragmentationThreshold': '2346',
    'Device.WiFi.SSID.1.SSID': 'Swarm-{serial4}',
    'Device.WiFi.SSID.2.SSID': 'Swarm-{serial4}-5G',
    'Device.WiFi.SSID.3.SSID': 'Swarm-Guest-{serial4}',
    'Device.WiFi.SSID.4.SSID': 'Swarm-Guest-{serial4}-5G',
    'Device.WiFi.SSID.1.Name': 'ath0', 'Device.WiFi.SSID.2.Name': 'ath1',
    'Device.WiFi.SSID.3.Name': 'ath2', 'Device.WiFi.SSID.4.Name': 'ath3',
    'Device.WiFi.SSID.1.LowerLayers': 'Device.WiFi.Radio.1', 'Device.WiFi.SSID.2.LowerLayers': 'Device.WiFi.Radio.2',
    'Device.WiFi.SSID.3.LowerLayers': 'Device.WiFi.Radio.1', 'Device.WiFi.SSID.4.LowerLayers': 'Device.WiFi.Radio.2',
    'Device.WiFi.SSID.1.BSSID': '{mac+2}', 'Device.WiFi.SSID.2.BSSID': '{mac+3}',
    'Device.WiFi.SSID.3.BSSID': '{mac+4}', 'Device.WiFi.SSID.4.BSSID': '{mac+5}',
    'Device.WiFi.SSID.1.MACAddress': '{mac+2}', 'Device.WiFi.SSID.2.MACAddress': '{mac+3}',
    'Device.WiFi.SSID.3.MACAddress': '{mac+4}', 'Device.WiFi.SSID.4.MACAddress': '{mac+5}',
    'Device.WiFi.SSID.3.Enable': 'false', 'Device.WiFi.SSID.4.Enable': 'false',
    'Device.WiFi.AccessPoint.1.SSIDReference': 'Device.WiFi.SSID.1', 'Device.WiFi.AccessPoint.2.SSIDReference': 'Device.WiFi.SSID.2',
    'Device.WiFi.AccessPoint.3.SSIDReference': 'Device.WiFi.SSID.3', 'Device.WiFi.AccessPoint.4.SSIDReference': 'Device.WiFi.SSID.4',
    'Device.WiFi.AccessPoint.3.Enable': 'false', 'Device.WiFi.AccessPoint.4.Enable': 'false',
    'Device.WiFi.AccessPoint.1.AssociatedDeviceNumberOfEntries': '2',
    'Device.WiFi.AccessPoint.{i}.SSIDAdvertisementEnabled': 'true',
    'Device.WiFi.AccessPoint.{i}.MaxAssociatedDevices': '32',
    'Device.WiFi.AccessPoint.{i}.WMMCapability': 'true',
    'Device.WiFi.AccessPoint.{i}.WMMEnable': 'true',
    'Device.WiFi.AccessPoint.{i}.Security.ModesSupported': 'None,WPA2-Personal,WPA3-Personal,WPA2-WPA3-Personal',
    'Device.WiFi.AccessPoint.{i}.Security.ModeEnabled': 'WPA2-Personal',
    'Device.WiFi.AccessPoint.{i}.Security.KeyPassphrase': 'swarm-{serial4}-pass',
    'Device.WiFi.AccessPoint.{i}.Security.RekeyingInterval': '3600',
    'Device.WiFi.AccessPoint.{i}.Security.RadiusServerPort': '1812',
    'Device.WiFi.AccessPoint.{i}.Security.SecondaryRadiusServerPort': '1812',
    'Device.WiFi.AccessPoint.{i}.WPS.Enable': 'true',
    'Device.WiFi.AccessPoint.{i}.WPS.ConfigMethodsSupported': 'PushButton,PIN',
    'Device.WiFi.AccessPoint.{i}.WPS.ConfigMethodsEnabled': 'PushButton',
    'Device.WiFi.AccessPoint.1.AssociatedDevice.1.MACAddress': '3C:22:FB:{hostmac1}',
    'Device.WiFi.AccessPoint.1.AssociatedDevice.2.MACAddress': 'A4:83:E7:{hostmac2}',
    'Device.WiFi.AccessPoint.{i}.AssociatedDevice.{i}.AuthenticationState': 'true',
    'Device.WiFi.AccessPoint.{i}.AssociatedDevice.{i}.Active': 'true',
    'Device.WiFi.AccessPoint.{i}.AssociatedDevice.{i}.SignalStrength': '-54',
    'Device.WiFi.AccessPoint.{i}.AssociatedDevice.{i}.LastDataDownlinkRate': '144000',
    'Device.WiFi.AccessPoint.{i}.AssociatedDevice.{i}.LastDataUplinkRate': '72000',
    'Device.Ethernet.Interface.1.Name': 'eth0', 'Device.Ethernet.Interface.2.Name': 'eth1',
    'Device.Ethernet.Interface.3.Name': 'eth2', 'Device.Ethernet.Interface.4.Name': 'eth3',
    'Device.Ethernet.Interface.5.Name': 'wan0', 'Device.Ethernet.Interface.5.Upstream': 'true',
    'Device.Ethernet.Interface.1.MACAddress': '{mac+6}', 'Device.Ethernet.Interface.2.MACAddress': '{mac+6}',
    'Device.Ethernet.Interface.3.MACAddress': '{mac+6}', 'Device.Ethernet.Interface.4.MACAddress': '{mac+6}',
    'Device.Ethernet.Interface.5.MACAddress': '{mac}',
    'Device.Ethernet.Interface.1.Status': 'Up', 'Device.Ethernet.Interface.5.Status': 'Up',
    'Device.Ethernet.Interface.{i}.Status': 'Down',
    'Device.Ethernet.Interface.{i}.Enable': 'true',
    'Device.Ethernet.Interface.{i}.MaxBitRate': '1000',
    'Device.Ethernet.Interface.{i}.CurrentBitRate': '1000',
    'Device.Ethernet.Interface.{i}.DuplexMode': 'Auto',
    'Device.Ethernet.Link.1.Name': 'br-lan', 'Device.Ethernet.Link.2.Name': 'wan0',
    'Device.Ethernet.Link.1.MACAddress': '{mac+6}', 'Device.Ethernet.Link.2.MACAddress': '{mac}',
    'Device.Ethernet.Link.1.LowerLayers': 'Device.Ethernet.Interface.1,Device.Ethernet.Interface.2,Device.Ethernet.Interface.3,Device.Ethernet.Interface.4',
    'Device.Ethernet.Link.2.LowerLayers': 'Device.Ethernet.Interface.5',
    'Device.Ethernet.Link.{i}.Enable': 'true', 'Device.Ethernet.Link.{i}.Status': 'Up',
    'Device.IP.IPv4Capable': 'true', 'Device.IP.IPv4Enable': 'true', 'Device.IP.IPv4Status': 'Enabled',
    'Device.IP.Interface.1.Name': 'LAN', 'Device.IP.Interface.2.Name': 'WAN',
    'Device.IP.Interface.1.LowerLayers': 'Device.Ethernet.Link.1', 'Device.IP.Interface.2.LowerLayers': 'Device.Ethernet.Link.2',
    'Device.IP.Interface.{i}.Enable': 'true', 'Device.IP.Interface.{i}.IPv4Enable': 'true',
    'Device.IP.Interface.{i}.Status': 'Up', 'Device.IP.Interface.{i}.Type': 'Normal',
    'Device.IP.Interface.{i}.MaxMTUSize': '1500',
    'Device.IP.Interface.1.IPv4Address.1.IPAddress': '192.168.1.1',
    'Device.IP.Interface.1.IPv4Address.1.SubnetMask': '255.255.255.0',
    'Device.IP.Interface.1.IPv4Address.1.AddressingType': 'Static',
    'Device.IP.Interface.2.IPv4Address.1.IPAddress': '{wanip}',
    'Device.IP.Interface.2.IPv4Address.1.SubnetMask': '255.255.252.0',
    'Device.IP.Interface.2.IPv4Address.1.AddressingType': 'DHCP',
    'Device.IP.Interface.{i}.IPv4Address.{i}.Enable': 'true',
    'Device.IP.Interface.{i}.IPv4Address.{i}.Status': 'Enabled',
    'Device.IP.Interface.1.IPv4AddressNumberOfEntries': '1', 'Device.IP.Interface.2.IPv4AddressNumberOfEntries': '1',
    'Device.IP.Diagnostics.IPv4PingSupported': 'true',
    'Device.IP.Diagnostics.IPv4TraceRouteSupported': 'true',
    'Device.IP.Diagnostics.IPv4DownloadDiagnosticsSupported': 'true',
    'Device.IP.Diagnostics.IPv4UploadDiagnosticsSupported': 'true',
    'Device.IP.Diagnostics.IPv4UDPEchoDiagnosticsSupported': 'true',
    'Device.IP.Diagnostics.IPPing.DiagnosticsState': 'None',
    'Device.IP.Diagnostics.IPPing.NumberOfRepetitions': '4',
    'Device.IP.Diagnostics.IPPing.Timeout': '1000',
    'Device.IP.Diagnostics.IPPing.DataBlockSize': '64',
    'Device.IP.Diagnostics.IPPing.ProtocolVersion': 'Any',
    'Device.IP.Diagnostics.TraceRoute.DiagnosticsState': 'None',
    'Device.IP.Diagnostics.TraceRoute.NumberOfTries': '3',
    'Device.IP.Diagnostics.TraceRoute.Timeout': '5000',
    'Device.IP.Diagnostics.TraceRoute.DataBlockSize': '38',
    'Device.IP.Diagnostics.TraceRoute.MaxHopCount': '30',
    'Device.IP.Diagnostics.TraceRoute.ProtocolVersion': 'Any',
    'Device.IP.Diagnostics.DownloadDiagnostics.DiagnosticsState': 'None',
    'Device.IP.Diagnostics.DownloadDiagnostics.DownloadTransports': 'HTTP',
    'Device.IP.Diagnostics.DownloadDiagnostics.DownloadDiagnosticMaxConnections': '1',
    'Device.IP.Diagnostics.DownloadDiagnostics.NumberOfConnections': '1',
    'Device.IP.Diagnostics.DownloadDiagnostics.ProtocolVersion': 'Any',
    'Device.IP.Diagnostics.DownloadDiagnostics.ROMTime': '0001-01-01T00:00:00Z',
    'Device.IP.Diagnostics.DownloadDiagnostics.BOMTime': '0001-01-01T00:00:00Z',
    'Device.IP.Diagnostics.DownloadDiagnostics.EOMTime': '0001-01-01T00:00:00Z',
    'Device.IP.Diagnostics.DownloadDiagnostics.TCPOpenRequestTime': '0001-01-01T00:00:00Z',
    'Device.IP.Diagnostics.DownloadDiagnostics.TCPOpenResponseTime': '0001-01-01T00:00:00Z',
    'Device.IP.Diagnostics.UploadDiagnostics.DiagnosticsState': 'None',
    'Device.IP.Diagnostics.UploadDiagnostics.UploadTransports': 'HTTP',
    'Device.IP.Diagnostics.UploadDiagnostics.UploadDiagnosticsMaxConnections': '1',
    'Device.IP.Diagnostics.UploadDiagnostics.NumberOfConnections': '1',
    'Device.IP.Diagnostics.UploadDiagnostics.TestFileLength': '1048576',
    'Device.IP.Diagnostics.UploadDiagnostics.ProtocolVersion': 'Any',
    'Device.IP.Diagnostics.UploadDiagnostics.ROMTime': '0001-01-01T00:00:00Z',
    'Device.IP.Diagnostics.UploadDiagnostics.BOMTime': '0001-01-01T00:00:00Z',
    'Device.IP.Diagnostics.UploadDiagnostics.EOMTime': '0001-01-01T00:00:00Z',
    'Device.IP.Diagnostics.UploadDiagnostics.TCPOpenRequestTime': '0001-01-01T00:00:00Z',
    'Device.IP.Diagnostics.UploadDiagnostics.TCPOpenResponseTime': '0001-01-01T00:00:00Z',
    'Device.IP.Diagnostics.UDPEchoDiagnostics.DiagnosticsState': 'None',
    'Device.IP.Diagnostics.UDPEchoDiagnostics.Port': '7',
    'Device.IP.Diagnostics.UDPEchoDiagnostics.NumberOfRepetitions': '10',
    'Device.IP.Diagnostics.UDPEchoDiagnostics.Timeout': '1000',
    'Device.IP.Diagnostics.UDPEchoDiagnostics.DataBlockSize': '24',
    'Device.IP.Diagnostics.UDPEchoDiagnostics.InterTransmissionTime': '1000',
    'Device.IP.Diagnostics.UDPEchoDiagnostics.ProtocolVersion': 'Any',
    'Device.Hosts.HostNumberOfEntries': '4',
    'Device.Hosts.Host.1.HostName': 'laptop-anna', 'Device.Hosts.Host.2.HostName': 'android-phone',
    'Device.Hosts.Host.3.HostName': 'smart-tv', 'Device.Hosts.Host.4.HostName': 'printer',
    'Device.Hosts.Host.1.PhysAddress': '3C:22:FB:{hostmac1}', 'Device.Hosts.Host.2.PhysAddress': 'A4:83:E7:{hostmac2}',
    'Device.Hosts.Host.3.PhysAddress': '70:2A:D5:{hostmac3}', 'Device.Hosts.Host.4.PhysAddress': '00:1E:0B:{hostmac4}',
    'Device.Hosts.Host.1.IPAddress': '192.168.1.100', 'Device.Hosts.Host.2.IPAddress': '192.168.1.101',
    'Device.Hosts.Host.3.IPAddress': '192.168.1.102', 'Device.Hosts.Host.4.IPAddress': '192.168.1.20',
    'Device.Hosts.Host.1.Layer1Interface': 'Device.WiFi.SSID.1', 'Device.Hosts.Host.2.Layer1Interface': 'Device.WiFi.SSID.1',
    'Device.Hosts.Host.3.Layer1Interface': 'Device.Ethernet.Interface.1', 'Device.Hosts.Host.4.Layer1Interface': 'Device.Ethernet.Interface.2',
    'Device.Hosts.Host.4.AddressSource': 'Static', 'Device.Hosts.Host.{i}.AddressSource': 'DHCP',
    'Device.Hosts.Host.{i}.Layer3Interface': 'Device.IP.Interface.1',
    'Device.Hosts.Host.{i}.Active': 'true',
    'Device.Hosts.Host.{i}.LeaseTimeRemaining': '71234',
    'Device.Hosts.Host.{i}.ActiveLastChange': '2024-05-04T10:11:12Z',
    'Device.Hosts.Host.{i}.IPv4AddressNumberOfEntries': '0',
    'Device.DHCPv4.ClientNumberOfEntries': '1',
    'Device.DHCPv4.Client.1.Interface': 'Device.IP.Interface.2',
    'Device.DHCPv4.Client.1.Enable': 'true', 'Device.DHCPv4.Client.1.Status': 'Enabled',
    'Device.DHCPv4.Client.1.DHCPStatus': 'Bound', 'Device.DHCPv4.Client.1.IPAddress': '{wanip}',
    'Device.DHCPv4.Client.1.SubnetMask': '255.255.252.0', 'Device.DHCPv4.Client.1.IPRouters': '{wangw}',
    'Device.DHCPv4.Client.1.DNSServers': '9.9.9.9,149.112.112.112', 'Device.DHCPv4.Client.1.LeaseTimeRemaining': '42110',
    'Device.DHCPv4.Server.Enable': 'true',
    'Device.DHCPv4.Server.Pool.1.Enable': 'true', 'Device.DHCPv4.Server.Pool.1.Status': 'Enabled',
    'Device.DHCPv4.Server.Pool.1.Interface': 'Device.IP.Interface.1',
    'Device.DHCPv4.Server.Pool.1.MinAddress': '192.168.1.100', 'Device.DHCPv4.Server.Pool.1.MaxAddress': '192.168.1.199',
    'Device.DHCPv4.Server.Pool.1.SubnetMask': '255.255.255.0', 'Device.DHCPv4.Server.Pool.1.DNSServers': '192.168.1.1',
    'Device.DHCPv4.Server.Pool.1.IPRouters': '192.168.1.1', 'Device.DHCPv4.Server.Pool.1.LeaseTime': '86400',
    'Device.DHCPv4.Server.Pool.1.DomainName': 'home.lan', 'Device.DHCPv4.Server.Pool.1.Order': '1',
    'Device.DHCPv4.Server.Pool.1.StaticAddress.1.Enable': 'true',
    'Device.DHCPv4.Server.Pool.1.StaticAddress.1.Chaddr': '00:1E:0B:{hostmac4}',
    'Device.DHCPv4.Server.Pool.1.StaticAddress.1.Yiaddr': '192.168.1.20',
    'Device.NAT.InterfaceSettingNumberOfEntries': '1', 'Device.NAT.PortMappingNumberOfEntries': '2',
    'Device.NAT.InterfaceSetting.1.Enable': 'true', 'Device.NAT.InterfaceSetting.1.Status': 'Enabled',
    'Device.NAT.InterfaceSetting.1.Interface': 'Device.IP.Interface.2',
    'Device.NAT.PortMapping.1.Enable': 'true', 'Device.NAT.PortMapping.1.Status': 'Enabled',
    'Device.NAT.PortMapping.1.Interface': 'Device.IP.Interface.2', 'Device.NAT.PortMapping.1.ExternalPort': '8080',
    'Device.NAT.PortMapping.1.InternalPort': '80', 'Device.NAT.PortMapping.1.Protocol': 'TCP',
    'Device.NAT.PortMapping.1.InternalClient': '192.168.1.102', 'Device.NAT.PortMapping.1.Description': 'tv-remote',
    'Device.NAT.PortMapping.2.Enable': 'false', 'Device.NAT.PortMapping.2.Status': 'Disabled',
    'Device.NAT.PortMapping.2.Interface': 'Device.IP.Interface.2', 'Device.NAT.PortMapping.2.ExternalPort': '3074',
    'Device.NAT.PortMapping.2.InternalPort': '3074', 'Device.NAT.PortMapping.2.Protocol': 'UDP',
    'Device.NAT.PortMapping.2.InternalClient': '192.168.1.101', 'Device.NAT.PortMapping.2.Description': 'game',
    'Device.NAT.PortMapping.{i}.Origin': 'Static',
    'Device.DNS.Client.Enable': 'true', 'Device.DNS.Client.Status': 'Enabled', 'Device.DNS.Client.ServerNumberOfEntries': '2',
    'Device.DNS.Client.Server.1.DNSServer': '9.9.9.9', 'Device.DNS.Client.Server.2.DNSServer': '149.112.112.112',
    'Device.DNS.Client.Server.{i}.Enable': 'true', 'Device.DNS.Client.Server.{i}.Status': 'Enabled',
    'Device.DNS.Client.Server.{i}.Type': 'DHCPv4', 'Device.DNS.Client.Server.{i}.Interface': 'Device.IP.Interface.2',
    'Device.WiFi.RadioNumberOfEntries': '2', 'Device.WiFi.SSIDNumberOfEntries': '4', 'Device.WiFi.AccessPointNumberOfEntries': '4',
    'Device.Ethernet.InterfaceNumberOfEntries': '5', 'Device.Ethernet.LinkNumberOfEntries': '2',
    'Device.IP.InterfaceNumberOfEntries': '2',
}

STATS_DEFAULT = '{counter}'
TYPES = {'string': 'string', 'int': 'int', 'unsignedInt': 'unsignedInt', 'long': 'long', 'unsignedLong': 'unsignedLong',
         'boolean': 'boolean', 'dateTime': 'dateTime', 'base64': 'base64', 'hexBinary': 'hexBinary', 'decimal': 'decimal'}


def ln(e):
    return e.tag.split('}')[-1]


def version(v):
    if not v:
        return (2, 0)
    parts = v.split('.')
    return (int(parts[0]), int(parts[1]))


def main(path):
    root = ET.parse(path).getroot()
    data_types = {d.get('name'): d for d in root if ln(d) == 'dataType'}
    model = [m for m in root if ln(m) == 'model'][0]
    objects = {o.get('name'): o for o in model if ln(o) == 'object'}

    def base_type(syntax_child):
        kind = ln(syntax_child)
        if kind == 'list':
            return 'string', None
        if kind == 'dataType':
            name = syntax_child.get('ref') or syntax_child.get('base')
            while name in data_types:
                d = data_types[name]
                prim = [c for c in d if ln(c) in TYPES]
                if prim:
                    return TYPES[ln(prim[0])], name
                name = d.get('base')
            return 'string', name
        return TYPES.get(kind, 'string'), None

    def constraints(p, syntax):
        out = []
        if syntax.get('hidden') == 'true' or syntax.get('secured') == 'true':
            out.append('hidden')
        kids = [c for c in syntax if ln(c) in TYPES or ln(c) in ('dataType', 'list')]
        if not kids:
            return out
        first = kids[0]
        if ln(first) == 'list':
            out.append('list')
            return out
        node = first
        enums = [e for e in node.iter() if ln(e) == 'enumeration']
        if not enums and ln(first) == 'dataType':
            name = first.get('ref')
            if name in data_types:
                enums = [e for e in data_types[name].iter() if ln(e) == 'enumeration']
        writable = [e.get('value') for e in enums if e.get('access') != 'readOnly']
        if writable and all('|' not in v and ';' not in v for v in writable):
            out.append('enum=' + '|'.join(writable))
        for r in node.iter():
            if ln(r) == 'range':
                if r.get('minInclusive') is not None:
                    out.append('min=' + r.get('minInclusive'))
                if r.get('maxInclusive') is not None:
                    out.append('max=' + r.get('maxInclusive'))
                break
        for s in node.iter():
            if ln(s) == 'size' and s.get('maxLength'):
                out.append('len=' + s.get('maxLength'))
                break
        return out

    def expand(template):
        """All concrete paths of an object template, with the {i} numbers filled in."""
        results = [('', template)]
        out = []
        while results:
            done, rest = results.pop(0)
            idx = rest.find('{i}')
            if idx < 0:
                out.append(done + rest)
                continue
            table = done + rest[:idx]
            generic = '.'.join('{i}' if part.isdigit() else part for part in table.split('.')) + '{i}.'
            numbers = TABLES.get(generic, [])
            for n in numbers:
                results.append((table + str(n) + '.', rest[idx + 4:]))
        return out

    def generic_of(path):
        parts = path.split('.')
        return '.'.join('{i}' if p.isdigit() else p for p in parts)

    lines = []
    emitted_objects = set()

    def emit_object(path, writable):
        if path in emitted_objects:
            return
        emitted_objects.add(path)
        lines.append((path, 'object', 'W' if writable else 'R', '', ''))

    for template in OBJECTS:
        obj = objects[template]
        table_writable = obj.get('access') == 'readWrite'
        # The table object itself ("X.Y.") and the instances ("X.Y.1.").
        if template.endswith('{i}.'):
            for parent in expand(template[:-4]):
                emit_object(parent, table_writable)
            if '{i}' in template[:-4]:
                emit_object(template[:-4], table_writable)
        # The generic rows (with {i}) describe what AddObject creates; the concrete ones are the template's instances.
        generic_rows = [template] if '{i}' in template else []
        for concrete in expand(template) + generic_rows:
            # ancestors that are plain objects
            parts = concrete.rstrip('.').split('.')
            for k in range(1, len(parts)):
                anc = '.'.join(parts[:k]) + '.'
                if not parts[k - 1].isdigit() and parts[k - 1] != '{i}' and anc not in emitted_objects and '{i}' not in anc:
                    generic = generic_of(anc)
                    if generic + '{i}.' in TABLES:
                        continue
                    emit_object(anc, False)
            emit_object(concrete, table_writable if template.endswith('{i}.') else False)
            for p in obj:
                if ln(p) != 'parameter':
                    continue
                if p.get('status') in ('deprecated', 'obsoleted', 'deleted'):
                    continue
                if version(p.get('version') or obj.get('version')) > MAX_VERSION:
                    continue
                syntax = [s for s in p if ln(s) == 'syntax'][0]
                kids = [c for c in syntax if ln(c) in TYPES or ln(c) in ('dataType', 'list')]
                ptype, dtype = base_type(kids[0]) if kids else ('string', None)
                if kids and ln(kids[0]) == 'list':
                    ptype = 'string'
                name = concrete + p.get('name')
                generic = template + p.get('name')
                access = 'W' if p.get('access') == 'readWrite' else 'R'
                default = DEFAULTS.get(name, DEFAULTS.get(generic))
                if default is None:
                    dflt = [d for d in syntax if ln(d) == 'default' and d.get('type') == 'object']
                    if dflt and dflt[0].get('value') is not None:
                        default = dflt[0].get('value')
                if default is None:
                    if '.Stats.' in name and ptype in ('unsignedInt', 'unsignedLong'):
                        default = STATS_DEFAULT
                    elif p.get('name') == 'Alias':
                        default = 'cpe-' + concrete.rstrip('.').split('.')[-1].replace('{i}', '{instance}')
                    elif p.get('name') == 'Status':
                        default = 'Up'
                    elif p.get('name') == 'Enable' and ptype == 'boolean':
                        default = 'false' if '{i}' in concrete else 'true'
                    elif ptype in ('unsignedInt', 'int', 'long', 'unsignedLong', 'decimal'):
                        default = '0'
                    elif ptype == 'boolean':
                        default = 'false'
                    elif ptype == 'dateTime':
                        default = '0001-01-01T00:00:00Z'
                    elif dtype == 'MACAddress':
                        default = '{mac+1}'
                    else:
                        default = ''
                cons = constraints(p, syntax)
                if dtype:
                    cons.append('kind=' + dtype)
                lines.append((name, ptype, access, default, ';'.join(cons)))

    print('# TR-181 Device:2 home gateway template for Cwmp.Swarm (generated by loadtests/tools/gen-device2-template.py).')
    print('# Columns: name, type (object or xsd local name), access (R/W), default value, constraints.')
    print('# Objects end with "."; a table object is writable when AddObject/DeleteObject are allowed.')
    print("# Rows with {i} describe one instance of a table: what AddObject creates.")
    for row in lines:
        print('\t'.join(row))


if __name__ == '__main__':
    main(sys.argv[1])
