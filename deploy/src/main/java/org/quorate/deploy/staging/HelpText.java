package org.quorate.deploy.staging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program's {@code --help} output, split into what a man page shows: the synopsis (the usage line), the
 * options (flag column and description) and the remaining paragraphs. The help texts align their
 * descriptions in one column; a flag that fills its column up to one space (e.g. {@code -S name=value,...})
 * is split at that column, the others at their first run of two spaces.
 */
public record HelpText(String synopsis, List<Option> options, List<String> notes) {
    /** One option: {@code flags} as printed (e.g. {@code -c certificate}, {@code -4, -6}) and its text. */
    public record Option(String flags, String description) {
        /** The flag words alone, e.g. {@code [-4, -6]} for {@code -4, -6} or {@code [-c]} for {@code -c FILE}. */
        public List<String> flagWords() {
            List<String> words = new ArrayList<>();
            for (String word : flags.split("[ ,]+")) {
                if (word.startsWith("-")) {
                    words.add(word);
                }
            }
            return words;
        }
    }

    private static final Pattern OPTION_LINE = Pattern.compile("^( {1,4})(--?[A-Za-z0-9][^ ]*.*)$");
    private static final Pattern GAP = Pattern.compile(" {2,}");

    public static HelpText parse(String program, String help) {
        List<List<String>> paragraphs = paragraphs(help);
        String synopsis = null;
        List<Option> options = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int column = descriptionColumn(help);
        for (List<String> paragraph : paragraphs) {
            String first = paragraph.get(0);
            if (synopsis == null && (first.startsWith("usage: " + program) || first.startsWith(program + ":"))) {
                synopsis = synopsis(program, paragraph);
            } else if (OPTION_LINE.matcher(first).matches()) {
                // an unindented line ends the option list ("Files live in ..." right after --import-nss)
                int end = 1;
                while (end < paragraph.size() && paragraph.get(end).startsWith(" ")) {
                    end++;
                }
                options.addAll(options(paragraph.subList(0, end), column));
                if (end < paragraph.size()) {
                    notes.add(String.join("\n", paragraph.subList(end, paragraph.size())));
                }
            } else {
                notes.add(String.join("\n", paragraph));
            }
        }
        if (synopsis == null) {
            throw new IllegalArgumentException(program + " --help printed no usage line:\n" + help);
        }
        if (options.isEmpty()) {
            throw new IllegalArgumentException(program + " --help printed no options:\n" + help);
        }
        return new HelpText(synopsis, List.copyOf(options), List.copyOf(notes));
    }

    private static List<List<String>> paragraphs(String help) {
        List<List<String>> paragraphs = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : help.split("\n", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    paragraphs.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(line.stripTrailing());
            }
        }
        if (!current.isEmpty()) {
            paragraphs.add(current);
        }
        return paragraphs;
    }

    /** The usage text after the program name, continuation lines joined. */
    private static String synopsis(String program, List<String> lines) {
        StringBuilder s = new StringBuilder();
        for (String line : lines) {
            s.append(' ').append(line.strip());
        }
        String text = s.toString().strip();
        text = text.startsWith("usage: ") ? text.substring("usage: ".length()) : text;
        text = text.substring(program.length());
        return (text.startsWith(":") ? text.substring(1) : text).strip();
    }

    /** The column most option descriptions start in. */
    private static int descriptionColumn(String help) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (String line : help.split("\n")) {
            Matcher option = OPTION_LINE.matcher(line);
            if (option.matches()) {
                Matcher gap = GAP.matcher(line);
                if (gap.find(option.start(2))) {
                    counts.merge(gap.end(), 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(-1);
    }

    private static List<Option> options(List<String> lines, int column) {
        List<Option> options = new ArrayList<>();
        String flags = null;
        StringBuilder description = new StringBuilder();
        for (String line : lines) {
            Matcher option = OPTION_LINE.matcher(line);
            if (option.matches()) {
                if (flags != null) {
                    options.add(new Option(flags, description.toString().strip()));
                }
                int split = splitAt(line, option.start(2), column);
                flags = split < 0 ? line.strip() : line.substring(0, split).strip();
                description = new StringBuilder(split < 0 ? "" : line.substring(split).strip());
            } else if (flags != null) {
                description.append(' ').append(line.strip());
            } else {
                throw new IllegalArgumentException("option text without an option: '" + line + "'");
            }
        }
        options.add(new Option(flags, description.toString().strip()));
        return options;
    }

    private static int splitAt(String line, int flagStart, int column) {
        if (column > flagStart && line.length() > column && line.charAt(column - 1) == ' '
                && line.charAt(column) != ' ') {
            return column;
        }
        Matcher gap = GAP.matcher(line);
        return gap.find(flagStart) ? gap.end() : -1;
    }
}
