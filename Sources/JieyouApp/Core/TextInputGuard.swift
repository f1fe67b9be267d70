import Foundation
import JieyouDomain
import NIOCore
import Vapor

/// Keeps text with NUL or another control character (`ControlCharacters`) out of every route: the
/// decoders of JSON, forms and multipart bodies are wrapped, so whatever a handler decodes, and however
/// (`decode`, `get(at:)`), the body was checked first and refused with a 400 naming the field the
/// client sent; `QueryTextMiddleware` checks query strings. A body is scanned byte by byte first;
/// only one that may hold such a character (an escape such as `\u0000`, a `%00`, a raw control byte)
/// is parsed to find the field, so ordinary requests pay one pass over their bytes.
enum TextInputGuard {
    /// Registers the guarded decoders with Vapor's defaults beneath them.
    static func install() {
        var content = ContentConfiguration.global
        let json = JSONDecoder.custom(dates: .iso8601)
        let unreadable = AppError.invalid("body", "请求内容无法解析")
        content.use(decoder: GuardedJSONDecoder(base: json, unreadable: unreadable), for: .json)
        content.use(decoder: GuardedJSONDecoder(base: json, unreadable: unreadable), for: .jsonAPI)
        content.use(
            decoder: GuardedDecoder(base: URLEncodedFormDecoder(), check: checkForm, unreadable: unreadable),
            for: .urlEncodedForm)
        content.use(
            decoder: GuardedDecoder(base: FormDataDecoder(), check: checkMultipart, unreadable: malformedMultipart),
            for: .formData)
        ContentConfiguration.global = content
    }

    static func refusal(field: String, character: Unicode.Scalar) -> AppError {
        .invalid(field, ControlCharacters.message(field: field, character: character))
    }

    // MARK: JSON

    /// The JSON `text` (a body, or a decoded value encoded again) refused at its first control character.
    static func checkJSON(_ text: Data) throws {
        guard let tree = try? JSONSerialization.jsonObject(with: text, options: [.fragmentsAllowed]) else { return }
        if let (field, character) = firstControl(in: tree, path: []) {
            throw refusal(field: field.isEmpty ? "body" : field, character: character)
        }
    }

    private static func firstControl(in value: Any, path: [String]) -> (String, Unicode.Scalar)? {
        switch value {
        case let text as String:
            return ControlCharacters.first(in: text).map { (path.joined(separator: "."), $0) }
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                if let found = firstControl(in: object[key]!, path: path + [key]) { return found }
            }
        case let array as [Any]:
            for (index, element) in array.enumerated() {
                if let found = firstControl(in: element, path: path + [String(index)]) { return found }
            }
        default: break
        }
        return nil
    }

    /// A JSON text may hold a control character when it has an escape of one (`\u0000`–`\u001f`,
    /// `\u007f`–`\u009f`, `\b`, `\f`), a raw control byte, or a C1 control in UTF-8 (C2 80–C2 9F).
    static func mayHoldControlInJSON(_ bytes: ByteBufferView) -> Bool {
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < end {
                let escaped = bytes[index + 1]
                if escaped == UInt8(ascii: "b") || escaped == UInt8(ascii: "f") { return true }
                if escaped == UInt8(ascii: "u"), index + 5 < end,
                    let value = UInt32(String(decoding: bytes[(index + 2)...(index + 5)], as: UTF8.self), radix: 16),
                    let scalar = Unicode.Scalar(value), ControlCharacters.isForbidden(scalar)
                {
                    return true
                }
                index += 2
                continue
            }
            if isRawControl(byte, next: index + 1 < end ? bytes[index + 1] : nil) { return true }
            index += 1
        }
        return false
    }

    // MARK: Forms and queries

    static func checkForm(_ body: ByteBuffer, _ headers: HTTPHeaders) throws {
        try checkEncodedPairs(String(buffer: body))
    }

    /// `a=1&b=x%00y`: each pair decoded and checked when the text may hold a control character.
    static func checkEncodedPairs(_ encoded: String) throws {
        guard mayHoldControlInEncoded(encoded.utf8) else { return }
        for pair in encoded.split(separator: "&") {
            let halves = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            let key = decoded(halves[0])
            let value = halves.count == 2 ? decoded(halves[1]) : ""
            if let character = ControlCharacters.first(in: key) ?? ControlCharacters.first(in: value) {
                let field = String(
                    String.UnicodeScalarView(key.unicodeScalars.filter { !ControlCharacters.isForbidden($0) }))
                throw refusal(field: field.isEmpty ? "body" : field, character: character)
            }
        }
    }

    /// A percent-encoded text may hold a control character when it has a raw one or a `%` followed by
    /// `0`, `1`, `7F`, or `C2` (the first byte of a C1 control).
    static func mayHoldControlInEncoded(_ bytes: String.UTF8View) -> Bool {
        var iterator = bytes.makeIterator()
        var current = iterator.next()
        while let byte = current {
            let next = iterator.next()
            if isRawControl(byte, next: next) { return true }
            if byte == UInt8(ascii: "%"), let next, "017cC".utf8.contains(next) { return true }
            current = next
        }
        return false
    }

    // MARK: Multipart

    /// Checks every part that is not a file; a body that does not parse is a 400, not the parser's 500.
    static func checkMultipart(_ body: ByteBuffer, _ headers: HTTPHeaders) throws {
        guard let boundary = headers.contentType?.parameters["boundary"], !boundary.isEmpty else {
            throw malformedMultipart
        }
        // A non-ASCII byte in a header name would trap inside MultipartKit (`MultipartPreflight`).
        guard MultipartPreflight.isSafe(body.readableBytesView, boundary: boundary) else { throw malformedMultipart }
        let parser = MultipartParser(boundary: boundary)
        var name = ""
        var isFile = false
        var text = ByteBuffer()
        var found: (String, Unicode.Scalar)?
        var complete = false
        parser.onHeader = { field, value in
            guard field.lowercased() == "content-disposition" else { return }
            isFile = value.contains("filename=")
            name = value.firstMatch(of: /name="([^"]*)"/).map { String($0.1) } ?? ""
        }
        parser.onBody = { chunk in
            if !isFile { text.writeBuffer(&chunk) }
        }
        parser.onPartComplete = {
            complete = true
            if !isFile, found == nil, let character = ControlCharacters.first(in: String(buffer: text)) {
                found = (name, character)
            }
            text.clear()
            name = ""
            isFile = false
        }
        do {
            try parser.execute(body)
        } catch {
            throw malformedMultipart
        }
        guard complete else { throw malformedMultipart }
        if let (field, character) = found { throw refusal(field: field.isEmpty ? "body" : field, character: character) }
    }

    static let malformedMultipart = AppError.invalid(
        "file", "上传内容不是完整的 multipart/form-data 表单（没有任何字段或文件），请重新选择文件后上传")

    /// A control byte other than tab, LF and CR, DEL, or a C1 control in UTF-8 (C2 80–C2 9F).
    private static func isRawControl(_ byte: UInt8, next: UInt8?) -> Bool {
        if byte < 0x20 { return byte != 0x09 && byte != 0x0A && byte != 0x0D }
        if byte == 0x7F { return true }
        if byte == 0xC2, let next { return (0x80...0x9F).contains(next) }
        return false
    }
}

/// The JSON decoder, guarded. Only a body the byte scan suspects is looked at twice: it is decoded, and
/// what was decoded is encoded again and checked, so a control character is refused in a field the
/// route reads and ignored, like the rest of it, under a key the route does not know (a client's extra
/// property cannot make a good request fail). A value that cannot be encoded again is checked as sent.
struct GuardedJSONDecoder: ContentDecoder {
    let base: any ContentDecoder
    let unreadable: AppError

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        try decode(D.self, from: body, headers: headers, userInfo: [:])
    }

    func decode<D: Decodable>(
        _ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders, userInfo: [CodingUserInfoKey: any Sendable]
    ) throws -> D {
        let value = try GuardedDecoder.decode(
            D.self, from: body, headers: headers, userInfo: userInfo, base: base,
            unreadable: unreadable)
        guard TextInputGuard.mayHoldControlInJSON(body.readableBytesView) else { return value }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        if let encodable = value as? any Encodable, let again = try? encoder.encode(encodable) {
            try TextInputGuard.checkJSON(again)
        } else {
            try TextInputGuard.checkJSON(Data(buffer: body))
        }
        return value
    }
}

/// A body decoder that checks the body before its base decodes it. An error of the base's own (not a
/// `DecodingError`, which names its field, nor an HTTP error) becomes `unreadable`, a 400: MultipartKit's
/// parser throws a private error type that would otherwise be a 500.
struct GuardedDecoder: ContentDecoder {
    let base: any ContentDecoder
    let check: @Sendable (ByteBuffer, HTTPHeaders) throws -> Void
    let unreadable: AppError

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        try decode(D.self, from: body, headers: headers, userInfo: [:])
    }

    func decode<D: Decodable>(
        _ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders, userInfo: [CodingUserInfoKey: any Sendable]
    ) throws -> D {
        try check(body, headers)
        return try Self.decode(
            D.self, from: body, headers: headers, userInfo: userInfo, base: base, unreadable: unreadable)
    }

    /// `base`'s decoding with its own errors mapped to `unreadable`.
    static func decode<D: Decodable>(
        _ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders, userInfo: [CodingUserInfoKey: any Sendable],
        base: any ContentDecoder, unreadable: AppError
    ) throws -> D {
        do {
            return try base.decode(D.self, from: body, headers: headers, userInfo: userInfo)
        } catch let error as DecodingError {
            throw error
        } catch let error as any AbortError {
            throw error
        } catch {
            throw unreadable
        }
    }
}

/// Refuses a query string holding a control character before any route reads it: routes read single
/// parameters with `query[…]`, which turns a decoder's error into nil, so the check cannot live in the
/// query decoder.
struct QueryTextMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let query = request.url.query { try TextInputGuard.checkEncodedPairs(query) }
        return try await next.respond(to: request)
    }
}
