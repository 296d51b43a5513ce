<#
.SYNOPSIS
    T1505 app collector: inventory of the vSphere Installation Bundles (VIBs) installed on every ESXi host of a
    vCenter, plus each host's acceptance level and execInstalledOnly setting, as JSON lines for the
    "ESXi VIB Inventory Drift" detection.

.DESCRIPTION
    Runs `esxcli software vib list` and `esxcli software acceptance get` on every host through vCenter with
    VMware PowerCLI (Get-EsxCli -V2), so no SSH or ESXi Shell has to be enabled on the hypervisors (the
    vSphere Security Configuration Guide recommends keeping both off), and reads the
    VMkernel.Boot.execInstalledOnly advanced setting.

    Deploy on one Windows Universal Forwarder (or heavy forwarder) that can reach vCenter on 443, with
    PowerShell 5.1+ and the VMware.PowerCLI module installed for the account the forwarder runs as. Store a
    read-only vCenter account once, as that account:
        New-VICredentialStoreItem -Host vc01.corp.example.com -User 'CORP\svc-splunk-vib' -Password '...'
    (Connect-VIServer then finds it. The account needs read access to the hosts and the Host > CIM > CIM
    interaction privilege that Get-EsxCli uses; it changes nothing.) Then, in an app on the forwarder, put this
    file in bin\ and add to local\inputs.conf:

        [powershell://t1505_esxi_vibs]
        script = . "$SplunkHome\etc\apps\<your collector app>\bin\esxi_vibs.ps1" -VCenter vc01.corp.example.com
        schedule = 0 0 4 * * ?
        sourcetype = t1505:inventory:esxi_vibs
        index = <the index your t1505_index_inventory macro points to>

    One run emits, for every connected host, one line per VIB and one host line, all with the same timestamp
    and snapshot_id, and one summary line for the run:

        {"timestamp":"2026-03-09T04:00:07Z","host":"esx01.corp.example.com","collector":"esxi_vibs","collector_version":"1.0.0",
         "snapshot_id":"...","vcenter":"vc01.corp.example.com","record_type":"vib","vib_id":"VMware_bootbank_esx-base_8.0.2-0.0.22380479",
         "name":"esx-base","vendor":"VMware","version":"8.0.2-0.0.22380479","acceptance_level":"VMwareCertified",
         "install_date":"2026-01-14","creation_date":"2023-09-14","status":""}
        {"timestamp":"2026-03-09T04:00:07Z","host":"esx01.corp.example.com",...,"record_type":"host","host_acceptance_level":"PartnerSupported",
         "exec_installed_only":true,"vib_count":212,"connection_state":"Connected","errors":[]}
        {"timestamp":"2026-03-09T04:00:07Z","host":"vc01.corp.example.com",...,"record_type":"summary","hosts":14,"hosts_failed":0,"errors":[]}

    Nothing is dropped silently: a host that is not connected or whose esxcli call fails gets a host line with
    the error text (and no VIB lines), and a failed vCenter connection produces a summary line with the error.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)]
    [string] $VCenter
)

Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'

$collectorVersion = '1.0.0'
$timestamp = (Get-Date).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')
$snapshotId = [guid]::NewGuid().ToString()

function Write-Record([string] $hostName, [System.Collections.IDictionary] $fields) {
    $record = [ordered]@{
        timestamp = $timestamp; host = $hostName; collector = 'esxi_vibs'; collector_version = $collectorVersion
        snapshot_id = $snapshotId; vcenter = $VCenter
    }
    foreach ($name in $fields.Keys) { $record[$name] = $fields[$name] }
    Write-Output (ConvertTo-Json -InputObject $record -Compress -Depth 3)
}

function Format-EsxDate($value) {
    if ($null -eq $value -or [string]::IsNullOrEmpty([string]$value)) { return $null }
    try { return ([datetime]$value).ToString('yyyy-MM-dd') } catch { return [string]$value }
}

$runErrors = New-Object System.Collections.Generic.List[string]
$hostCount = 0
$hostsFailed = 0
try {
    Import-Module VMware.VimAutomation.Core -ErrorAction Stop | Out-Null
    Set-PowerCLIConfiguration -Scope Session -ParticipateInCeip $false -Confirm:$false | Out-Null
    $server = Connect-VIServer -Server $VCenter -ErrorAction Stop
} catch {
    $runErrors.Add(('Cannot connect to {0}: {1}' -f $VCenter, $_.Exception.Message))
    Write-Record $VCenter ([ordered]@{ record_type = 'summary'; hosts = 0; hosts_failed = 0; errors = $runErrors.ToArray() })
    return
}

try {
    foreach ($vmhost in @(Get-VMHost -Server $server | Sort-Object -Property Name)) {
        $hostCount++
        $hostErrors = New-Object System.Collections.Generic.List[string]
        $fields = [ordered]@{ record_type = 'host'; host_acceptance_level = $null; exec_installed_only = $null; vib_count = 0
                              connection_state = [string]$vmhost.ConnectionState }
        if ($vmhost.ConnectionState -notin @('Connected', 'Maintenance')) {
            $hostErrors.Add(('host is {0}: not inventoried' -f $vmhost.ConnectionState))
        } else {
            try {
                $esxcli = Get-EsxCli -VMHost $vmhost -V2
                $fields.host_acceptance_level = [string]$esxcli.software.acceptance.get.Invoke()
                $vibs = @($esxcli.software.vib.list.Invoke())
                foreach ($vib in $vibs) {
                    $status = $null
                    if ($vib.PSObject.Properties['Status']) { $status = [string]$vib.Status }
                    Write-Record $vmhost.Name ([ordered]@{
                        record_type = 'vib'; vib_id = [string]$vib.ID; name = [string]$vib.Name; vendor = [string]$vib.Vendor
                        version = [string]$vib.Version; acceptance_level = [string]$vib.AcceptanceLevel
                        install_date = (Format-EsxDate $vib.InstallDate); creation_date = (Format-EsxDate $vib.CreationDate)
                        status = $status
                    })
                }
                $fields.vib_count = $vibs.Count
                $setting = Get-AdvancedSetting -Entity $vmhost -Name 'VMkernel.Boot.execInstalledOnly' -ErrorAction SilentlyContinue
                if ($setting) { $fields.exec_installed_only = [bool]$setting.Value }
            } catch {
                $hostErrors.Add(('esxcli through vCenter failed: {0}' -f $_.Exception.Message))
            }
        }
        if ($hostErrors.Count -gt 0) { $hostsFailed++ }
        $fields.errors = $hostErrors.ToArray()
        Write-Record $vmhost.Name $fields
    }
} catch {
    $runErrors.Add(('Host enumeration failed: {0}' -f $_.Exception.Message))
} finally {
    Disconnect-VIServer -Server $server -Confirm:$false -ErrorAction SilentlyContinue | Out-Null
}

Write-Record $VCenter ([ordered]@{ record_type = 'summary'; hosts = $hostCount; hosts_failed = $hostsFailed; errors = $runErrors.ToArray() })
