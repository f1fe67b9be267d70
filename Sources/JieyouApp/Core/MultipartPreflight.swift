import NIOCore

/// MultipartKit 4.7.1 (the only version there is here) reads a part's header name through a table of
/// 128 flags indexed by the byte, so a byte of 0x80 or above where it reads a header name traps and
/// takes the whole server down (`--B\r\n\xC3\xAA…`: found by schemathesis). This walks a body exactly
/// as that parser's state machine does, without the table, and says whether the parser would reach
/// such a byte; the guard refuses those bodies before any parser sees them. Header values (a file name
/// in Chinese) and part contents may hold any byte: the parser never indexes the table with them.
enum MultipartPreflight {
    private enum State {
        case preamble(Int)
        case preHeaders(expectingLF: Bool)
        case headerName(empty: Bool)
        case headerValue
        case postHeaderValue
        case postHeaders
        case body
        case boundary(Int)
    }

    /// False when the parser would read a non-ASCII byte as part of a header name. A body the parser
    /// refuses for its syntax first is safe: it throws, and the guard answers 400.
    static func isSafe(_ bytes: ByteBufferView, boundary: String) -> Bool {
        let delimiter = Array("\r\n--\(boundary)".utf8)
        let cr: UInt8 = 13
        let lf: UInt8 = 10
        var state = State.preamble(0)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            switch state {
            case .preamble(var matched):
                while matched < delimiter.count, index < bytes.endIndex {
                    let byte = bytes[index]
                    index += 1
                    if matched == 0, byte == delimiter[2] {
                        matched = 3
                    } else if byte == delimiter[matched] {
                        matched += 1
                    } else if matched > 0, byte == delimiter[0] {
                        matched = 1
                    } else {
                        matched = 0
                    }
                }
                state = matched >= delimiter.count ? .preHeaders(expectingLF: false) : .preamble(matched)
            case .preHeaders(let expectingLF):
                let byte = bytes[index]
                index += 1
                if !expectingLF && byte == cr {
                    state = .preHeaders(expectingLF: true)
                } else if expectingLF && byte == lf {
                    state = .headerName(empty: true)
                } else {
                    return true
                }
            case .headerName(let empty):
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: ":") && !empty {
                    state = .headerValue
                } else if byte == cr && empty {
                    state = .postHeaders
                } else if byte >= 0x80 {
                    return false  // where the parser would index its table out of range
                } else if isTokenCharacter(byte) {
                    state = .headerName(empty: false)
                } else {
                    return true
                }
            case .headerValue:
                let byte = bytes[index]
                index += 1
                if byte == cr { state = .postHeaderValue }
            case .postHeaderValue:
                guard bytes[index] == lf else { return true }
                index += 1
                state = .headerName(empty: true)
            case .postHeaders:
                guard bytes[index] == lf else { return true }
                index += 1
                state = .body
            case .body:
                while index < bytes.endIndex, bytes[index] != delimiter[0] { index += 1 }
                if index < bytes.endIndex { state = .boundary(0) }
            case .boundary(let matched):
                let byte = bytes[index]
                index += 1
                if matched >= delimiter.count {
                    if byte == cr {
                        state = .preHeaders(expectingLF: true)
                    } else {
                        return true  // `-`: the epilogue, which is not read; anything else: a syntax error
                    }
                } else if byte == delimiter[matched] {
                    state = .boundary(matched + 1)
                } else {
                    state = byte == delimiter[0] ? .boundary(1) : .body
                }
            }
        }
        return true
    }

    /// RFC 822's token characters, as the parser's table has them (ASCII only).
    private static func isTokenCharacter(_ byte: UInt8) -> Bool {
        guard byte > 32, byte < 127 else { return false }
        return !"()<>@,;:\\\"/[]?={}".utf8.contains(byte)
    }
}
