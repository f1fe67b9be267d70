import Testing

@testable import JieyouOffice

@Suite struct XMLTextTests {
    @Test func escapesMarkupAndDropsForbiddenControls() {
        #expect(XMLText.escape("A&B <公司> \"x\" 'y'") == "A&amp;B &lt;公司&gt; &quot;x&quot; &apos;y&apos;")
        #expect(XMLText.escape("a\u{01}b\u{0B}c\td\ne") == "abc\td\ne")
        // Full-width punctuation passes as it is; the two non-characters are dropped.
        #expect(XMLText.isPlain("经济发展局（2024-09-12）、税务局￥"))
        #expect(XMLText.escape("甲\u{FFFE}乙\u{FFFF}丙\u{FFFD}") == "甲乙丙\u{FFFD}")
        #expect(!XMLText.isPlain("甲\u{FFFF}"))
    }
}
