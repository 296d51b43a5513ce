<#
.SYNOPSIS
  T1505.001 inventory collector: lists the SQL Server objects that give persistence through
  stored procedures, one JSON line per object, for the detection
  sql_server_persistence_inventory_drift (sourcetype t1505:inventory:sql_server).

.DEPLOYMENT
  Run it on every SQL Server host as a scripted input of the universal forwarder, once a day.
  Put this file in the bin folder of a deployment app (here TA-t1505-collectors) and add to
  that app's local/inputs.conf:

    [powershell://t1505_sql_server_inventory]
    script = . "$SplunkHome\etc\apps\TA-t1505-collectors\bin\sql_server_persistence_inventory.ps1"
    schedule = 0 6 * * *
    sourcetype = t1505:inventory:sql_server
    index = <the index of the t1505_index_inventory macro>

  The forwarder runs as NT AUTHORITY\SYSTEM and connects to each local instance with Windows
  authentication. Give that login read-only metadata rights on every instance:

    CREATE LOGIN [NT AUTHORITY\SYSTEM] FROM WINDOWS;   -- if it does not exist
    GRANT VIEW SERVER STATE, VIEW ANY DEFINITION, CONNECT ANY DATABASE TO [NT AUTHORITY\SYSTEM];
    USE msdb; CREATE USER [NT AUTHORITY\SYSTEM] FOR LOGIN [NT AUTHORITY\SYSTEM];
    GRANT SELECT ON dbo.sysjobs TO [NT AUTHORITY\SYSTEM];
    GRANT SELECT ON dbo.sysjobsteps TO [NT AUTHORITY\SYSTEM];

  It writes nothing to SQL Server and stores no credentials.

.OUTPUT
  One JSON object per line (ConvertTo-Json -Compress), fields:
    timestamp   ISO 8601 UTC time of the run (the same for every line of one run)
    host        fully qualified host name (matches Computer in the Windows event logs)
    collector   "sql_server_persistence_inventory"; collector_version "1"
    instance    MSSQLSERVER or MSSQL$<name> (the Application-log provider name)
    item_kind   collector_run | collector_error | configuration | startup_procedure |
                extended_procedure | trusted_assembly | server_trigger | database_trigger |
                trustworthy_database | assembly | os_command_module | agent_job_step
    item_name   the object (schema.name, job / step, option name, ...)
    database    database of the object, when it has one
    fingerprint what makes a change visible: the option value, the permission set, or the
                first 16 hex digits of the SHA-256 of the object's definition or command
    detail      a short human-readable description
  Example:
    {"timestamp":"2026-03-22T06:00:04Z","host":"SQL01.corp.example.com","collector":"sql_server_persistence_inventory","collector_version":"1","instance":"MSSQLSERVER","item_kind":"startup_procedure","item_name":"dbo.sp_autops","database":"master","fingerprint":"5f1c2e9a0b7d4c31","detail":"startup procedure, modified 2026-03-16 21:07:10"}
  Every run also writes one collector_run line per instance (item_name "run", detail with the
  number of items) and a collector_error line for each query that failed, so an empty or
  partial inventory is visible rather than silent.
#>
[CmdletBinding()]
param()

Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'

$CollectorName = 'sql_server_persistence_inventory'
$CollectorVersion = '1'
$RunTime = [DateTime]::UtcNow.ToString('yyyy-MM-ddTHH:mm:ssZ')
$OptionNames = @('xp_cmdshell', 'Ole Automation Procedures', 'clr enabled', 'clr strict security',
                 'external scripts enabled', 'Ad Hoc Distributed Queries', 'scan for startup procs')

function Get-HostFqdn {
    $cs = Get-CimInstance -ClassName Win32_ComputerSystem
    if ($cs.PartOfDomain -and $cs.Domain) { return "$($cs.Name).$($cs.Domain)" }
    return $cs.Name
}

function Get-Fingerprint([string]$Text) {
    if ($null -eq $Text) { $Text = '' }
    $sha = [System.Security.Cryptography.SHA256]::Create()
    try {
        $bytes = $sha.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($Text))
    } finally {
        $sha.Dispose()
    }
    return (($bytes | ForEach-Object { $_.ToString('x2') }) -join '').Substring(0, 16)
}

function Write-Item([string]$Instance, [string]$Kind, [string]$Name, [string]$Database, [string]$Fingerprint, [string]$Detail) {
    $item = [ordered]@{
        timestamp         = $RunTime
        host              = $script:HostName
        collector         = $CollectorName
        collector_version = $CollectorVersion
        instance          = $Instance
        item_kind         = $Kind
        item_name         = $Name
    }
    if ($Database) { $item.database = $Database }
    if ($Fingerprint) { $item.fingerprint = $Fingerprint }
    if ($Detail) { $item.detail = $Detail }
    # Collected and written at the end, so that functions returning counts do not swallow lines.
    $script:Lines.Add((New-Object PSObject -Property $item | ConvertTo-Json -Compress))
}

function Get-SqlInstances {
    $key = 'HKLM:\SOFTWARE\Microsoft\Microsoft SQL Server\Instance Names\SQL'
    if (-not (Test-Path $key)) { return @() }
    $props = Get-ItemProperty -Path $key
    return @($props.PSObject.Properties | Where-Object { $_.Name -notlike 'PS*' } | ForEach-Object { $_.Name })
}

function Invoke-Query([System.Data.SqlClient.SqlConnection]$Connection, [string]$Sql) {
    $command = $Connection.CreateCommand()
    $command.CommandText = $Sql
    $command.CommandTimeout = 60
    $table = New-Object System.Data.DataTable
    $reader = $command.ExecuteReader()
    try { $table.Load($reader) } finally { $reader.Dispose() }
    return , $table
}

function Quote-Name([string]$Name) { return '[' + $Name.Replace(']', ']]') + ']' }

# Runs one inventory query; a failure becomes a collector_error line and the run goes on.
function Read-Section([string]$Instance, [System.Data.SqlClient.SqlConnection]$Connection, [string]$Section, [string]$Sql, [scriptblock]$Emit) {
    try {
        $rows = Invoke-Query $Connection $Sql
        foreach ($row in $rows.Rows) { & $Emit $row }
        return $rows.Rows.Count
    } catch {
        Write-Item $Instance 'collector_error' $Section '' '' $_.Exception.Message
        return 0
    }
}

function Read-Instance([string]$InstanceName) {
    $provider = if ($InstanceName -eq 'MSSQLSERVER') { 'MSSQLSERVER' } else { 'MSSQL$' + $InstanceName }
    $server = if ($InstanceName -eq 'MSSQLSERVER') { '.' } else { ".\$InstanceName" }
    $connection = New-Object System.Data.SqlClient.SqlConnection "Server=$server;Database=master;Integrated Security=SSPI;Application Name=$CollectorName;Connect Timeout=15"
    try {
        $connection.Open()
    } catch {
        Write-Item $provider 'collector_error' 'connect' '' '' $_.Exception.Message
        return
    }
    $count = 0
    try {
        $optionList = ($OptionNames | ForEach-Object { "N'" + $_.Replace("'", "''") + "'" }) -join ', '
        $count += Read-Section $provider $connection 'configuration' "SELECT name, CAST(value_in_use AS int) AS value FROM sys.configurations WHERE name IN ($optionList)" {
            param($r) Write-Item $provider 'configuration' $r.name '' ([string]$r.value) ("value_in_use=" + $r.value)
        }
        $count += Read-Section $provider $connection 'startup_procedure' "SELECT SCHEMA_NAME(schema_id) + N'.' + name AS item_name, OBJECT_DEFINITION(object_id) AS definition, CONVERT(varchar(19), modify_date, 120) AS modified FROM master.sys.procedures WHERE is_auto_executed = 1" {
            param($r) Write-Item $provider 'startup_procedure' $r.item_name 'master' (Get-Fingerprint ([string]$r.definition)) ("startup procedure, modified " + $r.modified)
        }
        $count += Read-Section $provider $connection 'extended_procedure' "SELECT name, dll_name FROM master.sys.extended_procedures WHERE is_ms_shipped = 0" {
            param($r) Write-Item $provider 'extended_procedure' $r.name 'master' (Get-Fingerprint ([string]$r.dll_name)) ("dll=" + $r.dll_name)
        }
        $count += Read-Section $provider $connection 'trusted_assembly' "IF OBJECT_ID(N'sys.trusted_assemblies') IS NOT NULL SELECT CONVERT(varchar(130), hash, 1) AS hash, description FROM sys.trusted_assemblies" {
            param($r) Write-Item $provider 'trusted_assembly' ([string]$r.description) '' (([string]$r.hash).Substring(2, 16)) ("hash=" + $r.hash)
        }
        $count += Read-Section $provider $connection 'server_trigger' "SELECT t.name, t.is_disabled, m.definition FROM sys.server_triggers AS t LEFT JOIN sys.server_sql_modules AS m ON m.object_id = t.object_id" {
            param($r) Write-Item $provider 'server_trigger' $r.name '' (Get-Fingerprint ([string]$r.definition)) ("server trigger, disabled=" + $r.is_disabled)
        }
        $count += Read-Section $provider $connection 'trustworthy_database' "SELECT name FROM sys.databases WHERE is_trustworthy_on = 1 AND name <> N'msdb'" {
            param($r) Write-Item $provider 'trustworthy_database' $r.name $r.name 'on' 'TRUSTWORTHY ON'
        }
        $count += Read-Section $provider $connection 'agent_job_step' "SELECT j.name AS job_name, s.step_id, s.step_name, s.subsystem, s.command, j.enabled FROM msdb.dbo.sysjobs AS j JOIN msdb.dbo.sysjobsteps AS s ON s.job_id = j.job_id WHERE s.subsystem IN (N'CmdExec', N'PowerShell', N'ActiveScripting')" {
            param($r)
            $command = [string]$r.command
            if ($command.Length -gt 200) { $command = $command.Substring(0, 200) }
            Write-Item $provider 'agent_job_step' ($r.job_name + ' / ' + $r.step_id + ' ' + $r.step_name) 'msdb' (Get-Fingerprint ([string]$r.subsystem + '|' + [string]$r.command)) ("subsystem=" + $r.subsystem + "; enabled=" + $r.enabled + "; command=" + $command)
        }
        $databases = Invoke-Query $connection "SELECT name FROM sys.databases WHERE state_desc = N'ONLINE' AND HAS_DBACCESS(name) = 1"
        foreach ($db in $databases.Rows) {
            $dbName = [string]$db.name
            $q = Quote-Name $dbName
            $count += Read-Section $provider $connection "assembly:$dbName" "SELECT name, permission_set_desc, clr_name FROM $q.sys.assemblies WHERE is_user_defined = 1" {
                param($r) Write-Item $provider 'assembly' $r.name $dbName ([string]$r.permission_set_desc) ("permission_set=" + $r.permission_set_desc + "; clr_name=" + $r.clr_name)
            }
            $count += Read-Section $provider $connection "os_command_module:$dbName" "SELECT SCHEMA_NAME(o.schema_id) + N'.' + o.name AS item_name, o.type_desc, m.definition FROM $q.sys.sql_modules AS m JOIN $q.sys.objects AS o ON o.object_id = m.object_id WHERE m.definition LIKE N'%xp[_]cmdshell%' OR m.definition LIKE N'%sp[_]OACreate%' OR m.definition LIKE N'%sp[_]execute[_]external[_]script%'" {
                param($r) Write-Item $provider 'os_command_module' $r.item_name $dbName (Get-Fingerprint ([string]$r.definition)) ([string]$r.type_desc)
            }
            $count += Read-Section $provider $connection "database_trigger:$dbName" "SELECT t.name, t.is_disabled, m.definition FROM $q.sys.triggers AS t LEFT JOIN $q.sys.sql_modules AS m ON m.object_id = t.object_id WHERE t.parent_class = 0" {
                param($r) Write-Item $provider 'database_trigger' $r.name $dbName (Get-Fingerprint ([string]$r.definition)) ("database DDL trigger, disabled=" + $r.is_disabled)
            }
        }
    } catch {
        Write-Item $provider 'collector_error' 'inventory' '' '' $_.Exception.Message
    } finally {
        $connection.Dispose()
    }
    Write-Item $provider 'collector_run' 'run' '' '' ("items=" + $count)
}

$script:HostName = Get-HostFqdn
$script:Lines = New-Object 'System.Collections.Generic.List[string]'
foreach ($instance in Get-SqlInstances) {
    Read-Instance $instance
}
$script:Lines | Write-Output
