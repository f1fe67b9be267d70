/// Escaping for the XML inside office files (xlsx, docx) and SVG charts. Every writer in this module
/// passes user text through here, so a name with `&` or `<` never produces a file that Excel, WPS or
/// LibreOffice refuses to open.
public enum XMLText {
    /// Escapes text for an element body or an attribute value, and drops the control characters XML 1.0
    /// forbids (they come in from pasted text and make the whole file unreadable).
    public static func escape(_ text: String) -> String {
        if isPlain(text) { return text }
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

    /// True when `text` has nothing to escape or drop (the usual case), so it is used as it is. Checked
    /// on the UTF-8 bytes: markup characters, control characters, and U+FFFE/U+FFFF (EF BF BE/BF).
    static func isPlain(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            switch byte {
            case 0..<0x20, 0x26, 0x3C, 0x3E, 0x22, 0x27: return false
            default:
                if previous == (0xEF, 0xBF) && (byte == 0xBE || byte == 0xBF) { return false }
                previous = (previous.1, byte)
            }
        }
        return true
    }
}
