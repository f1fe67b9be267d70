import JieyouOffice
import Testing

@Suite struct XMLTextTests {
    @Test func escapesMarkupAndDropsForbiddenControls() {
        #expect(XMLText.escape("A&B <公司> \"x\" 'y'") == "A&amp;B &lt;公司&gt; &quot;x&quot; &apos;y&apos;")
        #expect(XMLText.escape("a\u{01}b\u{0B}c\td\ne") == "abc\td\ne")
    }
}
