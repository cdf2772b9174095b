package org.quorate.certs.cli;

import java.util.List;
import java.util.Optional;

/**
 * Bash's {@code getopts} in silent mode (option string starting with ':'), so our commands accept exactly
 * the command lines the C scripts accept: clustered flags ({@code -sc file}), attached arguments
 * ({@code -nCluster}), the next word as argument even when it starts with '-' ({@code -n -i}), parsing that
 * stops at the first non-option word or after {@code --}, and one event per character, in order, so the
 * caller can act (usage, error exit) at the same point the script would.
 */
final class Getopts {
    /** What one call of getopts yields. */
    enum Kind {
        /** A known option; the argument is empty for flags. */
        OPTION,
        /** {@code opt='?'}: a character not in the option string ("Invalid option: -x"). */
        INVALID_OPTION,
        /** {@code opt=':'}: an option that takes an argument came last ("Option -c requires an argument."). */
        MISSING_ARGUMENT
    }

    /** One event: its kind, the option character and, for options with an argument, the argument. */
    record Event(Kind kind, char name, Optional<String> argument) {
        static Event option(char name, String argument) {
            return new Event(Kind.OPTION, name, Optional.ofNullable(argument));
        }

        /** The script's message for an invalid option or a missing argument. */
        String errorMessage() {
            return switch (kind) {
                case INVALID_OPTION -> "Invalid option: -" + name;
                case MISSING_ARGUMENT -> "Option -" + name + " requires an argument.";
                case OPTION -> throw new IllegalStateException("-" + name + " is not an error");
            };
        }
    }

    private final String optionString;
    private final List<String> args;
    private int index;
    private int charIndex = 1;
    private boolean done;

    /** @param optionString as given to getopts, e.g. {@code ":Ghisc:n:"} */
    Getopts(String optionString, List<String> args) {
        this.optionString = optionString.startsWith(":") ? optionString.substring(1) : optionString;
        this.args = List.copyOf(args);
    }

    /** The next event, or empty when option parsing has ended. */
    Optional<Event> next() {
        if (done) {
            return Optional.empty();
        }
        if (charIndex == 1) {
            if (index >= args.size()) {
                return finish();
            }
            String word = args.get(index);
            if (word.equals("--")) {
                index++;
                return finish();
            }
            if (word.length() < 2 || word.charAt(0) != '-') {
                return finish();
            }
        }
        String word = args.get(index);
        char name = word.charAt(charIndex++);
        boolean lastInWord = charIndex >= word.length();
        int spec = name == ':' ? -1 : optionString.indexOf(name);
        if (spec < 0) {
            advanceIf(lastInWord);
            return Optional.of(new Event(Kind.INVALID_OPTION, name, Optional.empty()));
        }
        boolean takesArgument = spec + 1 < optionString.length() && optionString.charAt(spec + 1) == ':';
        if (!takesArgument) {
            advanceIf(lastInWord);
            return Optional.of(Event.option(name, null));
        }
        if (!lastInWord) {
            String argument = word.substring(charIndex);
            advanceIf(true);
            return Optional.of(Event.option(name, argument));
        }
        advanceIf(true);
        if (index >= args.size()) {
            return Optional.of(new Event(Kind.MISSING_ARGUMENT, name, Optional.empty()));
        }
        return Optional.of(Event.option(name, args.get(index++)));
    }

    /** The words after the options ({@code shift $((OPTIND-1))}). */
    List<String> operands() {
        return args.subList(Math.min(index, args.size()), args.size());
    }

    private void advanceIf(boolean wordFinished) {
        if (wordFinished) {
            index++;
            charIndex = 1;
        }
    }

    private Optional<Event> finish() {
        done = true;
        return Optional.empty();
    }
}
