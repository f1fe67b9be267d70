import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decodes the bytes of a text file the way Chinese offices write them: UTF-8 (with or without the
/// BOM Excel adds), or GB18030, which Excel on Chinese Windows uses for "CSV" and which is a superset
/// of GBK and GB2312. Foundation on Linux has no GB18030 decoder, so the C library's iconv does it.
public enum TextEncoding: String, Sendable {
    case utf8
    case gb18030

    /// The text and the encoding it was in; nil when the bytes are neither valid UTF-8 nor GB18030.
    public static func decode(_ data: Data) -> (text: String, encoding: TextEncoding)? {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        if let text = decodeGB18030(bytes) { return (text, .gb18030) }
        return nil
    }

    /// The text as GB18030 bytes (for tests and for files meant for old Excel).
    public static func encodeGB18030(_ text: String) -> Data? {
        convert(Data(text.utf8), from: "UTF-8", to: "GB18030")
    }

    static func decodeGB18030(_ data: Data) -> String? {
        guard let utf8 = convert(data, from: "GB18030", to: "UTF-8") else { return nil }
        return String(validating: utf8, as: UTF8.self)
    }

    /// Converts all of `data` or nothing. The output buffer is twice the input: a GB18030 character of
    /// n bytes is at most 1.5·n bytes of UTF-8 and vice versa at most n bytes, so it is always enough.
    private static func convert(_ data: Data, from source: String, to target: String) -> Data? {
        if data.isEmpty { return Data() }
        let converter = iconv_open(target, source)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = [UInt8](data)
        var output = [UInt8](repeating: 0, count: data.count * 2 + 16)
        let written: Int? = input.withUnsafeMutableBytes { inBytes in
            output.withUnsafeMutableBytes { outBytes in
                var inPointer = inBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBytes.count
                var outPointer = outBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBytes.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                guard result != -1, inLeft == 0 else { return nil }
                return outBytes.count - outLeft
            }
        }
        guard let written else { return nil }
        return Data(output[0..<written])
    }
}
