package org.quorate.vqsim.script;

/** A parsed command with the line it came from. */
public record ScriptLine(int line, Command command) {}
