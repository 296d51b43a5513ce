<#
.SYNOPSIS
    T1505 app collector: inventory of the Exchange transport agents registered on this server, one JSON line
    per agent, for the "Exchange Transport Agent Inventory Drift" detection.

.DESCRIPTION
    Reads the transport agent registration files that Install-TransportAgent maintains under
    <Exchange install path>\TransportRoles\Shared (agents.config for the Transport service, fetagents.config
    for Front End Transport, and any other *agents.config) instead of calling Get-TransportAgent, so it needs
    neither the Exchange snap-in nor Exchange RBAC rights and also works on Edge Transport servers. For every
    agent it adds the SHA-256 and the Authenticode status of the assembly.

    Deploy on every Exchange Mailbox and Edge Transport server as a scripted input of the Splunk Universal
    Forwarder (it runs as LocalSystem). In an app on the forwarder, put this file in bin\ and add to
    local\inputs.conf:

        [powershell://t1505_exchange_transport_agents]
        script = . "$SplunkHome\etc\apps\<your collector app>\bin\exchange_transport_agents.ps1"
        schedule = 0 15 2 * * ?
        sourcetype = t1505:inventory:exchange_transport_agents
        index = <the index your t1505_index_inventory macro points to>

    (schedule is a cron expression with seconds; once a day is enough for drift, more often shortens the
    time to detection.) The search app needs nothing else: the sourcetype is read with KV_MODE = json.

    Every run emits one line per agent and one summary line, all with the same timestamp and snapshot_id:

        {"timestamp":"2026-03-12T02:15:03Z","host":"EXCH01.corp.example.com","collector":"exchange_transport_agents",
         "collector_version":"1.0.0","snapshot_id":"6f1c...","record_type":"agent","transport_service":"Hub",
         "config_file":"C:\\Program Files\\Microsoft\\Exchange Server\\V15\\TransportRoles\\Shared\\agents.config",
         "identity":"Transport Rule Agent","enabled":true,"priority":1,"base_type":"...","transport_agent_factory":"...",
         "assembly_path":"C:\\...\\Microsoft.Exchange.MessagingPolicies.TransportRuleAgent.dll","assembly_exists":true,
         "assembly_sha256":"...","assembly_signer":"CN=Microsoft Corporation, ...","assembly_signature_status":"Valid"}

        {"timestamp":"2026-03-12T02:15:03Z","host":"EXCH01.corp.example.com","collector":"exchange_transport_agents",
         "collector_version":"1.0.0","snapshot_id":"6f1c...","record_type":"summary","agent_count":9,
         "config_files":["...agents.config","...fetagents.config"],"errors":[]}

    Nothing is dropped silently: a configuration file that cannot be read or parsed, or a server without an
    Exchange install path, is reported in the summary line's errors array (with the file name).
#>
[CmdletBinding()]
param()

Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'

$collectorVersion = '1.0.0'
$timestamp = (Get-Date).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')
$snapshotId = [guid]::NewGuid().ToString()
$computer = Get-CimInstance -ClassName Win32_ComputerSystem
$hostName = if ($computer.PartOfDomain) { '{0}.{1}' -f $computer.DNSHostName, $computer.Domain } else { $computer.DNSHostName }
$errors = New-Object System.Collections.Generic.List[string]
$configFiles = New-Object System.Collections.Generic.List[string]
$agentCount = 0

function Get-ExchangeInstallPath {
    foreach ($version in @('v15', 'v14')) {
        $key = "HKLM:\SOFTWARE\Microsoft\ExchangeServer\$version\Setup"
        if (Test-Path -LiteralPath $key) {
            $setup = Get-ItemProperty -LiteralPath $key
            if ($setup.PSObject.Properties['MsiInstallPath'] -and $setup.MsiInstallPath) { return [string]$setup.MsiInstallPath }
        }
    }
    if ($env:ExchangeInstallPath) { return $env:ExchangeInstallPath }
    return $null
}

function Get-TransportServiceName([string] $fileName) {
    switch -Regex ($fileName) {
        '^agents\.config$' { return 'Hub' }
        '^fetagents\.config$' { return 'FrontEnd' }
        default { return ($fileName -replace '\.config$', '') }
    }
}

function Get-AssemblyFacts([string] $path) {
    $facts = [ordered]@{ assembly_exists = $false; assembly_sha256 = $null; assembly_signer = $null; assembly_signature_status = $null }
    if ([string]::IsNullOrEmpty($path) -or -not (Test-Path -LiteralPath $path -PathType Leaf)) { return $facts }
    $facts.assembly_exists = $true
    $facts.assembly_sha256 = (Get-FileHash -LiteralPath $path -Algorithm SHA256).Hash
    $signature = Get-AuthenticodeSignature -LiteralPath $path
    $facts.assembly_signature_status = [string]$signature.Status
    if ($signature.SignerCertificate) { $facts.assembly_signer = $signature.SignerCertificate.Subject }
    return $facts
}

function Write-Record([System.Collections.IDictionary] $fields) {
    $record = [ordered]@{
        timestamp = $timestamp; host = $hostName; collector = 'exchange_transport_agents'
        collector_version = $collectorVersion; snapshot_id = $snapshotId
    }
    foreach ($name in $fields.Keys) { $record[$name] = $fields[$name] }
    Write-Output (ConvertTo-Json -InputObject $record -Compress -Depth 3)
}

$installPath = Get-ExchangeInstallPath
if (-not $installPath) {
    $errors.Add('No Exchange install path (HKLM:\SOFTWARE\Microsoft\ExchangeServer\v15\Setup MsiInstallPath, or ExchangeInstallPath): not an Exchange server')
} else {
    $sharedFolder = Join-Path $installPath 'TransportRoles\Shared'
    $files = @(Get-ChildItem -LiteralPath $sharedFolder -Filter '*agents.config' -File -ErrorAction SilentlyContinue)
    if ($files.Count -eq 0) { $errors.Add("No *agents.config file in $sharedFolder") }
    foreach ($file in $files) {
        $configFiles.Add($file.FullName)
        try {
            [xml]$document = Get-Content -LiteralPath $file.FullName -Raw
        } catch {
            $errors.Add(('{0}: cannot read or parse: {1}' -f $file.FullName, $_.Exception.Message))
            continue
        }
        $agentList = $document.SelectNodes('/configuration/mexRuntime/agentList/agent')
        $priority = 0
        foreach ($agent in $agentList) {
            $priority++
            $assemblyPath = $agent.GetAttribute('assemblyPath')
            $fields = [ordered]@{
                record_type = 'agent'; transport_service = (Get-TransportServiceName $file.Name); config_file = $file.FullName
                identity = $agent.GetAttribute('name'); enabled = ($agent.GetAttribute('enabled') -eq 'true'); priority = $priority
                base_type = $agent.GetAttribute('baseType'); transport_agent_factory = $agent.GetAttribute('classFactory')
                assembly_path = $assemblyPath
            }
            try {
                $facts = Get-AssemblyFacts $assemblyPath
                foreach ($name in $facts.Keys) { $fields[$name] = $facts[$name] }
            } catch {
                $errors.Add(('{0}: cannot hash or verify {1}: {2}' -f $file.FullName, $assemblyPath, $_.Exception.Message))
            }
            Write-Record $fields
            $agentCount++
        }
    }
}

Write-Record ([ordered]@{ record_type = 'summary'; agent_count = $agentCount; config_files = $configFiles.ToArray(); errors = $errors.ToArray() })
