import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A small SMTP server the tests start on a free port: it speaks enough of RFC 5321 for a client
/// (EHLO, AUTH PLAIN, MAIL, RCPT, DATA with dot-unstuffing, QUIT), keeps every message it accepts
/// and the credentials it was given, and refuses recipients whose address starts with `reject`.
final class SMTPListener: Sendable {
    struct Received: Sendable {
        let from: String
        let to: [String]
        /// The DATA as sent, dots unstuffed, lines joined with CRLF.
        let data: String
        let credentials: String?

        /// The header's value, with UTF-8 encoded words decoded.
        func header(_ name: String) -> String? {
            let head = data.components(separatedBy: "\r\n\r\n").first ?? ""
            let unfolded = head.replacingOccurrences(of: "\r\n ", with: "")
            guard let line = unfolded.components(separatedBy: "\r\n").first(where: { $0.hasPrefix(name + ": ") })
            else { return nil }
            return Self.decodeWords(String(line.dropFirst(name.count + 2)))
        }

        /// The base64 body, decoded.
        var body: String {
            let parts = data.components(separatedBy: "\r\n\r\n")
            let base64 = parts.dropFirst().joined(separator: "\r\n\r\n").replacingOccurrences(of: "\r\n", with: "")
            return Data(base64Encoded: base64).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }

        static func decodeWords(_ text: String) -> String {
            var result = ""
            var rest = Substring(text)
            while let start = rest.range(of: "=?UTF-8?B?") {
                result += rest[..<start.lowerBound].trimmingCharacters(in: .whitespaces)
                rest = rest[start.upperBound...]
                guard let end = rest.range(of: "?=") else { break }
                result +=
                    Data(base64Encoded: String(rest[..<end.lowerBound])).map { String(decoding: $0, as: UTF8.self) }
                    ?? ""
                rest = rest[end.upperBound...]
            }
            return result + rest
        }
    }

    private let messages = NIOLockedValueBox<[Received]>([])
    private let channel: any Channel
    var port: Int { channel.localAddress?.port ?? 0 }
    var received: [Received] { messages.withLockedValue { $0 } }

    init(port: Int = 0) async throws {
        let box = messages
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Session(box: box))
                }
            }
            .bind(host: "127.0.0.1", port: port).get()
    }

    func stop() async throws {
        try await channel.close()
    }

    /// One client's conversation.
    final class Session: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        let box: NIOLockedValueBox<[Received]>
        var pending = ""
        var inData = false
        var from = ""
        var to: [String] = []
        var lines: [String] = []
        var credentials: String?

        init(box: NIOLockedValueBox<[Received]>) { self.box = box }

        func channelActive(context: ChannelHandlerContext) {
            reply(context, "220 localhost ESMTP test")
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data)
            pending += buffer.readString(length: buffer.readableBytes) ?? ""
            while let end = pending.range(of: "\r\n") {
                let line = String(pending[..<end.lowerBound])
                pending.removeSubrange(..<end.upperBound)
                handle(line, context)
            }
        }

        private func handle(_ line: String, _ context: ChannelHandlerContext) {
            if inData {
                if line == "." {
                    inData = false
                    let message = Received(
                        from: from, to: to, data: lines.joined(separator: "\r\n"), credentials: credentials)
                    box.withLockedValue { $0.append(message) }
                    reply(context, "250 OK queued")
                } else {
                    lines.append(line.hasPrefix("..") ? String(line.dropFirst()) : line)
                }
                return
            }
            let upper = line.uppercased()
            if upper.hasPrefix("EHLO") {
                reply(context, "250-localhost\r\n250-8BITMIME\r\n250 AUTH PLAIN")
            } else if upper.hasPrefix("AUTH PLAIN ") {
                credentials = Data(base64Encoded: String(line.dropFirst(11))).map {
                    String(decoding: $0, as: UTF8.self)
                }
                reply(context, "235 2.7.0 Authentication successful")
            } else if upper.hasPrefix("MAIL FROM:") {
                from = String(line.dropFirst(10))
                reply(context, "250 OK")
            } else if upper.hasPrefix("RCPT TO:") {
                let address = String(line.dropFirst(8)).trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
                if address.hasPrefix("reject") {
                    reply(context, "550 5.1.1 No such user")
                } else {
                    to.append(address)
                    reply(context, "250 OK")
                }
            } else if upper == "DATA" {
                inData = true
                lines = []
                reply(context, "354 End data with <CR><LF>.<CR><LF>")
            } else if upper == "QUIT" {
                reply(context, "221 Bye")
                context.close(promise: nil)
            } else {
                reply(context, "502 Command not implemented")
            }
        }

        private func reply(_ context: ChannelHandlerContext, _ text: String) {
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text + "\r\n")), promise: nil)
        }
    }
}
