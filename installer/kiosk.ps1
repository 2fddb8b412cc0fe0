<#
.SYNOPSIS
    Locks a Windows 10/11 tablet to fieldact for one kiosk account, or undoes it.

.DESCRIPTION
    Run elevated. The installer runs it when the "Kiosk mode" component is chosen; IT can run it again:

        powershell -ExecutionPolicy Bypass -File "C:\Program Files\fieldact\kiosk\kiosk.ps1" -Account fieldact
        powershell -ExecutionPolicy Bypass -File "C:\Program Files\fieldact\kiosk\kiosk.ps1" -Remove

    For the account named by -Account (a local, non-administrator account that has logged on once):
      1. fieldact replaces Explorer as its shell (Shell Launcher, WESL_UserSetting; Windows Enterprise, Education
         and IoT Enterprise), restarted by Windows whenever it exits. Where Shell Launcher does not exist
         (Windows Pro), a scheduled task starts fieldact at that account's log-on instead: Explorer then still
         runs behind the full-screen app, and the policies below are what keeps the technician in it.
      2. Policies of that account: no Task Manager (also on Ctrl+Alt+Del), no Windows-key shortcuts, no
         three- and four-finger touch gestures, the touch keyboard shown when no keyboard is attached.
      3. Policies of the machine: no edge swipes (Action Center, Task View), no Windows Ink Workspace (the pen's
         top button).
      4. The database folder (%ProgramData%\fieldact): full control for SYSTEM and Administrators, modify for
         the kiosk account, nothing for other users.
    What it set is recorded under HKLM\SOFTWARE\fieldact\Kiosk, and -Remove undoes exactly that (the folder's
    ACL stays as it is: the database stays protected).
#>
[CmdletBinding()]
param(
    [string]$Account,
    [string]$AppPath = (Join-Path (Split-Path -Parent $PSScriptRoot) 'fieldact.exe'),
    [string]$DataDir = (Join-Path $env:ProgramData 'fieldact'),
    [string]$LogFile = (Join-Path $PSScriptRoot 'kiosk.log'),
    [switch]$Remove
)

$ErrorActionPreference = 'Stop'
$RecordKey = 'HKLM:\SOFTWARE\fieldact\Kiosk'
$TaskName = 'fieldact kiosk'
$ShellLauncherFeature = 'Client-EmbeddedShellLauncher'
$RestartShell = 0  # Shell Launcher's action when the shell exits: start it again

function Write-Log([string]$Message) {
    $line = '{0:u} {1}' -f (Get-Date), $Message
    Write-Output $line
    Add-Content -LiteralPath $LogFile -Value $line -Encoding UTF8
}

function Get-KioskUser([string]$Name) {
    $user = Get-LocalUser -Name $Name -ErrorAction SilentlyContinue
    if (-not $user) { throw "There is no local account '$Name'. Create it (a standard user), log on to it once, then run this again." }
    $admins = Get-LocalGroupMember -SID 'S-1-5-32-544' | Where-Object { $_.SID -eq $user.SID }
    if ($admins) { throw "'$Name' is an administrator: a kiosk account must be a standard user." }
    return $user
}

# The account's registry hive: loaded while it is logged on, else loaded from its profile for the change.
function Invoke-InUserHive([string]$Sid, [scriptblock]$Change) {
    if (Test-Path "Registry::HKEY_USERS\$Sid") { & $Change "Registry::HKEY_USERS\$Sid"; return }
    $profilePath = (Get-ItemProperty "HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList\$Sid" -ErrorAction SilentlyContinue).ProfileImagePath
    if (-not $profilePath -or -not (Test-Path (Join-Path $profilePath 'NTUSER.DAT'))) {
        throw "The account has no profile yet: log on to it once, log off, then run this again."
    }
    $mount = 'HKU\fieldact-kiosk'
    & reg.exe load $mount (Join-Path $profilePath 'NTUSER.DAT') | Out-Null
    try { & $Change 'Registry::HKEY_USERS\fieldact-kiosk' }
    finally { [gc]::Collect(); & reg.exe unload $mount | Out-Null }
}

function Set-Value([string]$Key, [string]$Name, [int]$Value) {
    if (-not (Test-Path $Key)) { New-Item -Path $Key -Force | Out-Null }
    New-ItemProperty -Path $Key -Name $Name -Value $Value -PropertyType DWord -Force | Out-Null
}

$UserPolicies = @(
    @('Software\Microsoft\Windows\CurrentVersion\Policies\System', 'DisableTaskMgr', 1),
    @('Software\Microsoft\Windows\CurrentVersion\Policies\Explorer', 'NoWinKeys', 1),
    @('Control Panel\Desktop', 'TouchGestureSetting', 0),
    @('Software\Microsoft\TabletTip\1.7', 'EnableDesktopModeAutoInvoke', 1)
)
$MachinePolicies = @(
    @('HKLM:\SOFTWARE\Policies\Microsoft\Windows\EdgeUI', 'AllowEdgeSwipe', 0),
    @('HKLM:\SOFTWARE\Policies\Microsoft\WindowsInkWorkspace', 'AllowWindowsInkWorkspace', 0)
)

function Get-ShellLauncher {
    $feature = Get-WindowsOptionalFeature -Online -FeatureName $ShellLauncherFeature -ErrorAction SilentlyContinue
    if (-not $feature) { return $null }
    if ($feature.State -ne 'Enabled') {
        Enable-WindowsOptionalFeature -Online -FeatureName $ShellLauncherFeature -NoRestart | Out-Null
        Write-Log "Shell Launcher enabled (takes effect after a restart)."
    }
    return [wmiclass]'\\.\root\standardcimv2\embedded:WESL_UserSetting'
}

function Set-Kiosk {
    if (-not $Account) { throw 'Name the kiosk account: -Account <name>.' }
    if (-not (Test-Path -LiteralPath $AppPath)) { throw "fieldact is not at $AppPath; pass -AppPath." }
    $user = Get-KioskUser $Account
    $sid = $user.SID.Value
    Write-Log "Kiosk for $Account ($sid): $AppPath"

    New-Item -ItemType Directory -Force -Path $DataDir | Out-Null
    & icacls.exe $DataDir /inheritance:r /grant:r '*S-1-5-18:(OI)(CI)F' '*S-1-5-32-544:(OI)(CI)F' "*${sid}:(OI)(CI)M" | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "icacls could not set the access rights of $DataDir." }
    Write-Log "$DataDir`: SYSTEM and Administrators full control, $Account modify, no one else."

    Invoke-InUserHive $sid {
        param($hive)
        foreach ($policy in $UserPolicies) { Set-Value (Join-Path $hive $policy[0]) $policy[1] $policy[2] }
    }
    foreach ($policy in $MachinePolicies) { Set-Value $policy[0] $policy[1] $policy[2] }
    Write-Log 'Policies set: no Task Manager, no Windows keys, no edge swipes, no touch gestures, no Ink Workspace.'

    $launcher = Get-ShellLauncher
    if ($launcher) {
        $launcher.SetCustomShell($sid, "`"$AppPath`"", $null, $null, $RestartShell) | Out-Null
        $launcher.SetEnabled($true) | Out-Null
        $mode = 'shell-launcher'
        Write-Log "Shell Launcher: fieldact is the shell of $Account and restarts when it exits."
    } else {
        $action = New-ScheduledTaskAction -Execute $AppPath
        $trigger = New-ScheduledTaskTrigger -AtLogOn -User $Account
        $principal = New-ScheduledTaskPrincipal -UserId $sid -LogonType Interactive -RunLevel Limited
        $settings = New-ScheduledTaskSettingsSet -ExecutionTimeLimit ([TimeSpan]::Zero) -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries
        Register-ScheduledTask -TaskName $TaskName -Action $action -Trigger $trigger -Principal $principal -Settings $settings -Force | Out-Null
        $mode = 'logon-task'
        Write-Log "No Shell Launcher on this edition: the task '$TaskName' starts fieldact at $Account's log-on."
    }
    New-Item -Path $RecordKey -Force | Out-Null
    Set-ItemProperty -Path $RecordKey -Name Account -Value $Account
    Set-ItemProperty -Path $RecordKey -Name Sid -Value $sid
    Set-ItemProperty -Path $RecordKey -Name Mode -Value $mode
    Write-Log 'Done. Restart the tablet and log on as the kiosk account.'
}

function Remove-Kiosk {
    $record = Get-ItemProperty -Path $RecordKey -ErrorAction SilentlyContinue
    if (-not $record) { Write-Log 'No kiosk configured by fieldact: nothing to undo.'; return }
    $sid = $record.Sid
    if ($record.Mode -eq 'shell-launcher') {
        try { ([wmiclass]'\\.\root\standardcimv2\embedded:WESL_UserSetting').RemoveCustomShell($sid) | Out-Null }
        catch { Write-Log "Shell Launcher entry not removed: $_" }
    }
    Unregister-ScheduledTask -TaskName $TaskName -Confirm:$false -ErrorAction SilentlyContinue
    try {
        Invoke-InUserHive $sid {
            param($hive)
            foreach ($policy in $UserPolicies) {
                Remove-ItemProperty -Path (Join-Path $hive $policy[0]) -Name $policy[1] -ErrorAction SilentlyContinue
            }
        }
    } catch { Write-Log "The account's policies were not removed: $_" }
    foreach ($policy in $MachinePolicies) { Remove-ItemProperty -Path $policy[0] -Name $policy[1] -ErrorAction SilentlyContinue }
    Remove-Item -Path $RecordKey -Force
    Write-Log "Kiosk removed for $($record.Account); the database folder keeps its access rights."
}

try {
    if ($Remove) { Remove-Kiosk } else { Set-Kiosk }
    exit 0
} catch {
    Write-Log "FAILED: $($_.Exception.Message)"
    exit 1
}
