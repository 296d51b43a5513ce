<#
.SYNOPSIS
    T1505 app collector: inventory of the IIS components registered at server level on this host (native
    global modules, server-level managed modules, ISAPI filters), one JSON line each, for the "IIS Module
    Inventory Drift" detection.

.DESCRIPTION
    Uses the WebAdministration module that ships with IIS: Get-WebGlobalModule (the <globalModules> section of
    applicationHost.config, i.e. every native module the worker processes load), Get-WebManagedModule at
    IIS:\ (managed modules enabled for every site) and the system.webServer/isapiFilters collection at
    MACHINE/WEBROOT/APPHOST. For every module image and filter DLL it adds the expanded path, whether the file
    exists, its SHA-256 and its Authenticode status and signer, so that a DLL replaced in place under the same
    name is visible too.

    Deploy on every IIS server (web, Exchange, SharePoint) as a scripted input of the Splunk Universal
    Forwarder (it runs as LocalSystem, which can read applicationHost.config). In an app on the forwarder, put
    this file in bin\ and add to local\inputs.conf:

        [powershell://t1505_iis_modules]
        script = . "$SplunkHome\etc\apps\<your collector app>\bin\iis_modules.ps1"
        schedule = 0 30 2 * * ?
        sourcetype = t1505:inventory:iis_modules
        index = <the index your t1505_index_inventory macro points to>

    (schedule is a cron expression with seconds: once a day matches the detection, which compares the latest
    snapshot with the snapshots older than 24 hours.) The search head needs nothing else: the sourcetype is read
    with KV_MODE = json.

    Every run emits one line per component and one summary line, all with the same timestamp and snapshot_id:

        {"timestamp":"2026-04-05T02:30:04Z","host":"WEB01.corp.example.com","collector":"iis_modules",
         "collector_version":"1.0.0","snapshot_id":"3d0c...","record_type":"module","module_kind":"globalModule",
         "name":"UriCacheModule","image":"%windir%\\System32\\inetsrv\\cachuri.dll","type":null,"precondition":null,
         "image_path":"C:\\Windows\\System32\\inetsrv\\cachuri.dll","image_exists":true,"image_sha256":"9F2C...",
         "image_signer":"CN=Microsoft Windows, O=Microsoft Corporation, L=Redmond, S=Washington, C=US",
         "image_signature_status":"Valid","errors":[]}

        module_kind is globalModule (native, image = DLL), managedModule (type = .NET type, no image) or
        isapiFilter (image = the filter's path).

        {"timestamp":"2026-04-05T02:30:04Z","host":"WEB01.corp.example.com","collector":"iis_modules",
         "collector_version":"1.0.0","snapshot_id":"3d0c...","record_type":"summary","global_module_count":44,
         "managed_module_count":15,"isapi_filter_count":1,"errors":[]}

    Nothing is dropped silently: a host without IIS or without the WebAdministration module, a section that
    cannot be read, or an image that cannot be hashed or verified is reported in the errors array of the summary
    line or of the component's own line (with the module name and path).
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
$summaryErrors = New-Object System.Collections.Generic.List[string]
$counts = [ordered]@{ global_module_count = 0; managed_module_count = 0; isapi_filter_count = 0 }

function Write-Line([System.Collections.IDictionary] $fields) {
    $line = [ordered]@{
        timestamp = $timestamp; host = $hostName; collector = 'iis_modules'
        collector_version = $collectorVersion; snapshot_id = $snapshotId
    }
    foreach ($key in $fields.Keys) { $line[$key] = $fields[$key] }
    Write-Output (ConvertTo-Json -InputObject $line -Compress -Depth 3)
}

# Facts about a configured image: IIS expands environment variables (%windir%, %ProgramFiles%) when it loads it.
function Get-ImageFacts([string] $configured) {
    $facts = [ordered]@{ image_path = $null; image_exists = $false; image_sha256 = $null; image_signer = $null; image_signature_status = $null; errors = @() }
    if ([string]::IsNullOrWhiteSpace($configured)) { return $facts }
    $expanded = [Environment]::ExpandEnvironmentVariables($configured.Trim('"'))
    $facts.image_path = $expanded
    if (-not (Test-Path -LiteralPath $expanded -PathType Leaf)) { return $facts }
    $facts.image_exists = $true
    try {
        $facts.image_sha256 = (Get-FileHash -LiteralPath $expanded -Algorithm SHA256).Hash
        $signature = Get-AuthenticodeSignature -LiteralPath $expanded
        $facts.image_signature_status = [string]$signature.Status
        if ($signature.SignerCertificate) { $facts.image_signer = $signature.SignerCertificate.Subject }
    } catch {
        $facts.errors = @(('cannot hash or verify {0}: {1}' -f $expanded, $_.Exception.Message))
    }
    return $facts
}

# [string] parameters turn $null into ''; absent attributes are written as JSON null, not as empty strings.
function Get-ValueOrNull([string] $value) {
    if ([string]::IsNullOrEmpty($value)) { return $null }
    return $value
}

function Write-Component([string] $kind, [string] $name, [string] $image, [string] $type, [string] $precondition) {
    $fields = [ordered]@{
        record_type = 'module'; module_kind = $kind; name = $name; image = (Get-ValueOrNull $image)
        type = (Get-ValueOrNull $type); precondition = (Get-ValueOrNull $precondition)
    }
    $facts = Get-ImageFacts $image
    foreach ($key in $facts.Keys) { $fields[$key] = $facts[$key] }
    Write-Line $fields
}

function Get-Attribute($element, [string] $name) {
    $property = $element.PSObject.Properties[$name]
    if ($property -and $null -ne $property.Value) { return [string]$property.Value }
    return $null
}

$webAdministration = $true
try {
    Import-Module WebAdministration -ErrorAction Stop
} catch {
    $webAdministration = $false
    $summaryErrors.Add(('WebAdministration module not available (IIS or its management scripts not installed): {0}' -f $_.Exception.Message))
}

if ($webAdministration) {
    try {
        foreach ($module in @(Get-WebGlobalModule)) {
            Write-Component 'globalModule' (Get-Attribute $module 'Name') (Get-Attribute $module 'Image') $null (Get-Attribute $module 'PreCondition')
            $counts.global_module_count++
        }
    } catch {
        $summaryErrors.Add(('system.webServer/globalModules: cannot read: {0}' -f $_.Exception.Message))
    }
    try {
        foreach ($module in @(Get-WebManagedModule -PSPath 'IIS:\')) {
            Write-Component 'managedModule' (Get-Attribute $module 'Name') $null (Get-Attribute $module 'Type') (Get-Attribute $module 'PreCondition')
            $counts.managed_module_count++
        }
    } catch {
        $summaryErrors.Add(('system.webServer/modules (managed, IIS:\): cannot read: {0}' -f $_.Exception.Message))
    }
    try {
        foreach ($filter in @(Get-WebConfiguration -PSPath 'MACHINE/WEBROOT/APPHOST' -Filter 'system.webServer/isapiFilters/filter')) {
            Write-Component 'isapiFilter' (Get-Attribute $filter 'name') (Get-Attribute $filter 'path') $null (Get-Attribute $filter 'preCondition')
            $counts.isapi_filter_count++
        }
    } catch {
        $summaryErrors.Add(('system.webServer/isapiFilters: cannot read: {0}' -f $_.Exception.Message))
    }
}

$summary = [ordered]@{ record_type = 'summary' }
foreach ($key in $counts.Keys) { $summary[$key] = $counts[$key] }
$summary.errors = $summaryErrors.ToArray()
Write-Line $summary
