package org.agentmon.installer.lint;

import static org.agentmon.installer.lint.ScalarType.ANY;
import static org.agentmon.installer.lint.ScalarType.BOOLEAN;
import static org.agentmon.installer.lint.ScalarType.INTEGER;
import static org.agentmon.installer.lint.ScalarType.STRING;

/**
 * The job keys of launchd.plist(5) with launchd's types, plus the private keys Apple's own jobs
 * use that the manual leaves out (each a "private key" note, not an "unknown key" warning).
 */
final class LaunchdKeys {
  static final ValueType SESSION_TYPE =
      ScalarType.oneOf("Aqua", "LoginWindow", "Background", "StandardIO", "System");
  static final ValueType PROCESS_TYPE = ScalarType.oneOf("Background", "Standard", "Adaptive", "Interactive");

  static final ValueType CALENDAR_INTERVAL = DictType.of(
      "Minute", ScalarType.range(0, 59),
      "Hour", ScalarType.range(0, 23),
      "Day", ScalarType.range(1, 31),
      "Weekday", ScalarType.range(0, 7),
      "Month", ScalarType.range(1, 12));

  static final ValueType RESOURCE_LIMITS = DictType.of(
      "Core", INTEGER, "CPU", INTEGER, "Data", INTEGER, "FileSize", INTEGER, "MemoryLock", INTEGER,
      "NumberOfFiles", INTEGER, "NumberOfProcesses", INTEGER, "ResidentSetSize", INTEGER, "Stack", INTEGER);

  static final ValueType SOCKET = DictType.of(
      "SockType", ScalarType.oneOf("stream", "dgram", "seqpacket"),
      "SockPassive", BOOLEAN,
      "SockNodeName", STRING,
      "SockServiceName", new AnyOfType(STRING, INTEGER),
      "SockFamily", ScalarType.oneOf("IPv4", "IPv6", "IPv4v6", "Unix"),
      "SockProtocol", ScalarType.oneOf("TCP", "UDP"),
      "SockPathName", STRING,
      "SecureSocketWithKey", STRING,
      "SockPathOwner", INTEGER,
      "SockPathGroup", INTEGER,
      "SockPathMode", new ModeType(07777),
      "Bonjour", new AnyOfType(BOOLEAN, STRING, new ArrayType(STRING)),
      "MulticastGroup", STRING,
      "ReceivePacketInfo", BOOLEAN);

  static final ValueType KEEP_ALIVE = new AnyOfType(BOOLEAN, DictType.of(
      "SuccessfulExit", BOOLEAN,
      "NetworkState", BOOLEAN,
      "PathState", DictType.mapOf(BOOLEAN),
      "OtherJobEnabled", DictType.mapOf(BOOLEAN),
      "OtherJobActive", DictType.mapOf(BOOLEAN),
      "Crashed", BOOLEAN,
      "AfterInitialDemand", new AnyOfType(BOOLEAN, DictType.mapOf(BOOLEAN))));

  static final ValueType MACH_SERVICE = new AnyOfType(BOOLEAN, DictType.of(
      "ResetAtClose", BOOLEAN,
      "HideUntilCheckIn", BOOLEAN,
      "DrainMessagesOnCrash", STRING,
      "HostSpecialPort", INTEGER,
      "TaskSpecialPort", INTEGER,
      "ExceptionServer", BOOLEAN,
      "EnterKernelDebuggerOnClose", BOOLEAN));

  /** The job dictionary. */
  static final DictType JOB = DictType.of(
      "Label", STRING,
      "Disabled", BOOLEAN,
      "UserName", STRING,
      "GroupName", STRING,
      "inetdCompatibility", DictType.of("Wait", BOOLEAN),
      "LimitLoadToHosts", KeyNote.retired(new ArrayType(STRING), "no longer supported; launchd ignores it"),
      "LimitLoadFromHosts", KeyNote.retired(new ArrayType(STRING), "no longer supported; launchd ignores it"),
      "LimitLoadToSessionType", new AnyOfType(SESSION_TYPE, new ArrayType(SESSION_TYPE)),
      "LimitLoadToHardware", DictType.mapOf(new ArrayType(STRING)),
      "LimitLoadFromHardware", DictType.mapOf(new ArrayType(STRING)),
      "Program", STRING,
      "BundleProgram", STRING,
      "ProgramArguments", new ArrayType(STRING),
      "EnableGlobbing", BOOLEAN,
      "EnableTransactions", BOOLEAN,
      "EnablePressuredExit", BOOLEAN,
      "OnDemand", BOOLEAN,
      "ServiceIPC", BOOLEAN,
      "KeepAlive", KEEP_ALIVE,
      "RunAtLoad", BOOLEAN,
      "RootDirectory", STRING,
      "WorkingDirectory", STRING,
      "EnvironmentVariables", DictType.mapOf(STRING),
      "Umask", new AnyOfType(new ModeType(0777), STRING),
      "TimeOut", INTEGER,
      "ExitTimeOut", ScalarType.atLeast(0),
      "ThrottleInterval", ScalarType.atLeast(0),
      "InitGroups", BOOLEAN,
      "WatchPaths", new ArrayType(STRING),
      "QueueDirectories", new ArrayType(STRING),
      "StartOnMount", BOOLEAN,
      "StartInterval", INTEGER,
      "StartCalendarInterval", new AnyOfType(CALENDAR_INTERVAL, new ArrayType(CALENDAR_INTERVAL)),
      "StandardInPath", STRING,
      "StandardOutPath", STRING,
      "StandardErrorPath", STRING,
      "Debug", BOOLEAN,
      "WaitForDebugger", BOOLEAN,
      "SoftResourceLimits", RESOURCE_LIMITS,
      "HardResourceLimits", RESOURCE_LIMITS,
      "Nice", ScalarType.range(-20, 20),
      "ProcessType", PROCESS_TYPE,
      "AbandonProcessGroup", BOOLEAN,
      "LowPriorityIO", BOOLEAN,
      "LowPriorityBackgroundIO", BOOLEAN,
      "MaterializeDatalessFiles", BOOLEAN,
      "LaunchOnlyOnce", BOOLEAN,
      "MachServices", DictType.mapOf(MACH_SERVICE),
      "Sockets", DictType.mapOf(new AnyOfType(SOCKET, new ArrayType(SOCKET))),
      "LaunchEvents", DictType.mapOf(DictType.mapOf(ANY)),
      "SessionCreate", BOOLEAN,
      "LegacyTimers", BOOLEAN,
      "AssociatedBundleIdentifiers", new AnyOfType(STRING, new ArrayType(STRING)),
      "ServiceDescription", STRING,
      // Not in the manual, but in Apple's own jobs, and launchd honours them:
      "POSIXSpawnType", KeyNote.privateKey(STRING),
      "JetsamProperties", KeyNote.privateKey(DictType.mapOf(ANY)),
      "HopefullyExitsFirst", KeyNote.privateKey(BOOLEAN),
      "HopefullyExitsLast", KeyNote.privateKey(BOOLEAN),
      "TransactionTimeLimitEnabled", KeyNote.privateKey(BOOLEAN),
      "BeginTransactionAtShutdown", KeyNote.privateKey(BOOLEAN));

  private LaunchdKeys() {}
}
