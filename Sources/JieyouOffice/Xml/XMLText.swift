/// Escaping for the XML inside office files (xlsx, docx) and SVG charts. Every writer in this module
/// passes user text through here, so a name with `&` or `<` never produces a file that Excel, WPS or
/// LibreOffice refuses to open.
public enum XMLText {
    /// Escapes text for an element body or an attribute value, and drops the control characters XML 1.0
    /// forbids (they come in from pasted text and make the whole file unreadable).
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
