package org.quorate.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IpcLexerTest {
    private static java.util.List<String> quoting(String s) {
        return IpcLexer.split(s, IpcLexer.Mode.QUOTING);
    }

    private static java.util.List<String> plain(String s) {
        return IpcLexer.split(s, IpcLexer.Mode.PLAIN);
    }

    @Test
    void splitsOnAsciiWhiteSpaceAndStopsAtTheFirstLineEnd() {
        assertThat(quoting("list \t verbose\fcluster\u000bx \nstatus\n")).containsExactly("list", "verbose", "cluster", "x");
        assertThat(quoting("status\rverbose\n")).containsExactly("status");
        assertThat(quoting("   \n")).isEmpty();
        assertThat(quoting("")).isEmpty();
    }

    @Test
    void theCToolsRequestWithTrailingNulIsUnderstood() {
        byte[] request = "list verbose cluster \"lab1\" \n\0".getBytes(StandardCharsets.UTF_8);
        assertThat(IpcLexer.split(request, IpcLexer.Mode.QUOTING)).containsExactly("list", "verbose", "cluster", "lab1");
    }

    @Test
    void quotesGroupTextAndMayBeGluedToUnquotedText() {
        assertThat(quoting("cluster \"my cluster\"\n")).containsExactly("cluster", "my cluster");
        assertThat(quoting("ab\"c d\"ef gh\n")).containsExactly("abc def", "gh");
    }

    @Test
    void backslashOutsideQuotesMakesTheNextCharacterLiteral() {
        assertThat(quoting("a\\ b c\n")).containsExactly("a b", "c");
        assertThat(quoting("\\\"x\n")).containsExactly("\"x");
        assertThat(quoting("a\\\\b\n")).containsExactly("a\\b");
    }

    @Test
    void insideQuotesOnlyQuoteAndBackslashAreEscapes() {
        assertThat(quoting("\"a\\\"b\"\n")).containsExactly("a\"b");
        assertThat(quoting("\"a\\\\b\"\n")).containsExactly("a\\b");
        assertThat(quoting("\"a\\nb\"\n")).containsExactly("a\\nb");
    }

    @Test
    void malformedInputEndsGracefully() {
        assertThat(quoting("cluster \"unterminated\n")).containsExactly("cluster", "unterminated");
        assertThat(quoting("cluster \"unterminated")).containsExactly("cluster", "unterminated");
        assertThat(quoting("trailing\\\n")).containsExactly("trailing");
        assertThat(quoting("trailing\\")).containsExactly("trailing");
        assertThat(quoting("\"a\\")).containsExactly("a");
        // A quote ending in the middle of a line break does not swallow the next line.
        assertThat(quoting("\"a\nb\"")).containsExactly("a");
    }

    @Test
    void anEmptyWordEndsTheRequestLikeTheCParser() {
        assertThat(quoting("list \"\" verbose\n")).containsExactly("list");
        assertThat(quoting("\"\" status\n")).isEmpty();
    }

    @Test
    void aNulByteEndsTheVisibleWord() {
        byte[] request = {'s', 't', 'a', 't', 'u', 's', 0, 'x', ' ', 'v', '\n'};
        assertThat(IpcLexer.split(request, IpcLexer.Mode.QUOTING)).containsExactly("status", "v");
    }

    @Test
    void plainModeTakesQuotesAndBackslashesLiterally() {
        assertThat(plain("status \"a b\" c\\ d\n")).containsExactly("status", "\"a", "b\"", "c\\", "d");
    }

    @Test
    void utf8WordsSurvive() {
        assertThat(quoting("cluster \"zürich-ß\"\n")).containsExactly("cluster", "zürich-ß");
    }

    @Test
    void quoteEscapesBackslashAndQuoteAndRoundTrips() {
        String name = "we\"ird\\ name";
        assertThat(IpcLexer.quote(name)).isEqualTo("\"we\\\"ird\\\\ name\"");
        assertThat(quoting("cluster " + IpcLexer.quote(name) + " \n")).containsExactly("cluster", name);
    }

    @Test
    void keywordsAreCaseInsensitiveInTheCLocaleOnly() {
        assertThat(IpcLexer.keyword("STATUS", "status")).isTrue();
        assertThat(IpcLexer.keyword("VeRbOsE", "verbose")).isTrue();
        assertThat(IpcLexer.keyword("\u017Ftatus", "status")).isFalse();
        assertThat(IpcLexer.keyword("statu", "status")).isFalse();
    }
}
