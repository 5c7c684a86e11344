package dev.gosync.agent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gosync.agent.discovery.MetaImports.MetaImport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading go-import tags as leniently as the go command's non-strict XML reader does. */
class MetaImportsTest {
    @Test
    void tagsAndAttributeNamesInAnyCaseUnquotedValuesAndReferencesAreRead() {
        String html = "<HTML><Head><META Name=\"go-import\" CONTENT='a.example/x git https://a.example/x?a=1&amp;b=2'>"
                + "<meta name=go-import content=\"b.example/y&#32;git&#x20;https://b.example/y sub\"/></head>";
        assertEquals(List.of(new MetaImport("a.example/x", "git", "https://a.example/x?a=1&b=2", ""),
                new MetaImport("b.example/y", "git", "https://b.example/y", "sub")), MetaImports.parse(html, true));
    }

    @Test
    void readingStopsAtTheBodyOrTheEndOfTheHead() {
        assertEquals(List.of(), MetaImports.parse("<html><body><meta name=\"go-import\" content=\"a.example git"
                + " https://a.example\"></body>", true));
        assertEquals(1, MetaImports.parse("<!-- <body> --><meta name=\"go-import\" content=\"a.example git"
                + " https://a.example\"></head><meta name=\"go-import\" content=\"b.example git https://b.example\">",
                true).size());
    }

    @Test
    void onlyContentsOfThreeOrFourFieldsCountAndOnlyForTheGoImportName() {
        String html = "<meta name=\"go-import\" content=\"a.example git\">"
                + "<meta name=\"go-import\" content=\"a b c d e\">"
                + "<meta name=\"go-source\" content=\"a.example git https://a.example\">"
                + "<meta name=\"Go-Import\" content=\"a.example git https://a.example\">";
        assertEquals(List.of(), MetaImports.parse(html, true));
    }

    @Test
    void modEntriesComeFirstAndHideTheOtherEntriesOfTheirPrefixInModuleMode() {
        String html = "<meta name=\"go-import\" content=\"a.example git https://git.a.example\">"
                + "<meta name=\"go-import\" content=\"b.example git https://git.b.example\">"
                + "<meta name=\"go-import\" content=\"a.example mod https://proxy.a.example\">";
        assertEquals(List.of(new MetaImport("a.example", "mod", "https://proxy.a.example", ""),
                new MetaImport("b.example", "git", "https://git.b.example", "")), MetaImports.parse(html, true));
        assertEquals(List.of(new MetaImport("a.example", "git", "https://git.a.example", ""),
                new MetaImport("b.example", "git", "https://git.b.example", "")), MetaImports.parse(html, false));
    }
}
