import Foundation
import NIOCore
import Testing
import Vapor

@testable import JieyouApp

/// `MultipartPreflight` says when MultipartKit would trap on a body. A body it calls safe is given to
/// the real parser here, so a wrong "safe" crashes this test; one it calls unsafe must hold a
/// non-ASCII byte where a header name is read.
@Suite struct MultipartPreflightTests {
    @Test func theProbeThatTookTheServerDownIsCaught() {
        for body in ["--B\r\nêþ\r\n\r\n--B--\r\n", "--B\r\nContent-Type: a\r\nnäme: x\r\n\r\n--B--\r\n"] {
            #expect(!MultipartPreflight.isSafe(ByteBuffer(string: body).readableBytesView, boundary: "B"), "\(body)")
        }
        // A file name in Chinese sits in a header value, and a part's content may hold any byte.
        let upload =
            "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"车间.jpg\"\r\n\r\n照片\u{FF}\r\n--B--\r\n"
        #expect(MultipartPreflight.isSafe(ByteBuffer(string: upload).readableBytesView, boundary: "B"))
    }

    /// 20,000 bodies built from the pieces a parser cares about (delimiters, line breaks, colons, token
    /// bytes, non-ASCII bytes), seeded: every one called safe goes through MultipartKit's parser.
    @Test func everyBodyCalledSafeParsesWithoutTrapping() throws {
        var random = SplitMix64(seed: 20_261_207)
        let pieces: [[UInt8]] = [
            Array("--B".utf8), Array("\r\n".utf8), Array("\r\n--B".utf8), Array(":".utf8), Array("Content-Type".utf8),
            Array("name".utf8), Array(" value".utf8), [0xC3, 0xAA], [0xFF], [0x80], Array("--".utf8), [13], [10],
            Array("x".utf8),
        ]
        var unsafe = 0
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 1...14, using: &random) {
                bytes += pieces[Int.random(in: 0..<pieces.count, using: &random)]
            }
            let buffer = ByteBuffer(bytes: bytes)
            guard MultipartPreflight.isSafe(buffer.readableBytesView, boundary: "B") else {
                unsafe += 1
                #expect(bytes.contains { $0 >= 0x80 })
                continue
            }
            let parser = MultipartParser(boundary: "B")
            try? parser.execute(buffer)
        }
        #expect(unsafe > 100, "the generator reaches the trap often enough to test the preflight")
    }
}
