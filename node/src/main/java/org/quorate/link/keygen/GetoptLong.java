package org.quorate.link.keygen;

import java.util.ArrayList;
import java.util.List;

/**
 * glibc's getopt_long as corosync-keygen uses it, with its diagnostics word for word: options are returned in
 * order (so "-h -s 5" prints help and "-s 5 -h" fails on the size), clusters ("-lk FILE"), attached arguments
 * ("-kFILE", "--size=200"), unique prefixes of long names ("--k"), non-options skipped, "--" ends the options.
 *
 * <p>A generic parser (picocli) cannot be used here: it parses everything before acting and words its errors its
 * own way, while the tool must print what corosync-keygen prints.
 */
final class GetoptLong {
    /** One option found, or an error already worded as glibc words it (then {@code option} is null). */
    record Event(KeygenOption option, String argument, String error) {
    }

    private GetoptLong() {
    }

    /** All events in order; parsing stops after the first error, as the tool exits there. */
    static List<Event> parse(String argv0, List<String> args) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                break;
            }
            if (a.startsWith("--")) {
                String body = a.substring(2);
                int eq = body.indexOf('=');
                String name = eq < 0 ? body : body.substring(0, eq);
                List<KeygenOption> found = KeygenOption.matching(name);
                if (found.size() != 1) {
                    // no two of corosync-keygen's long names share a first letter, so this is never ambiguous
                    events.add(new Event(null, null, argv0 + ": unrecognized option '--" + body + "'"));
                    return events;
                }
                KeygenOption o = found.get(0);
                if (!o.takesArgument() && eq >= 0) {
                    events.add(new Event(null, null, argv0 + ": option '--" + o.longName()
                            + "' doesn't allow an argument"));
                    return events;
                }
                String arg = null;
                if (o.takesArgument()) {
                    if (eq >= 0) {
                        arg = body.substring(eq + 1);
                    } else if (i + 1 < args.size()) {
                        arg = args.get(++i);
                    } else {
                        events.add(new Event(null, null, argv0 + ": option '--" + o.longName()
                                + "' requires an argument"));
                        return events;
                    }
                }
                events.add(new Event(o, arg, null));
            } else if (a.startsWith("-") && a.length() > 1) {
                for (int j = 1; j < a.length(); j++) {
                    char c = a.charAt(j);
                    KeygenOption o = KeygenOption.ofLetter(c);
                    if (o == null) {
                        events.add(new Event(null, null, argv0 + ": invalid option -- '" + c + "'"));
                        return events;
                    }
                    if (!o.takesArgument()) {
                        events.add(new Event(o, null, null));
                        continue;
                    }
                    if (j + 1 < a.length()) {
                        events.add(new Event(o, a.substring(j + 1), null));
                    } else if (i + 1 < args.size()) {
                        events.add(new Event(o, args.get(++i), null));
                    } else {
                        events.add(new Event(null, null, argv0 + ": option requires an argument -- '" + c + "'"));
                        return events;
                    }
                    break;
                }
            }
            // anything else is a non-option: getopt moves it to the end and corosync-keygen ignores it
        }
        return events;
    }
}
