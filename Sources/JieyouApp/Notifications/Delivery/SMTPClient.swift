import Foundation
import JieyouDomain
import NIOCore
import NIOPosix
import NIOSSL

/// Where and how a unit sends mail: its server, the security of the connection (plain, as on most
/// government intranets' relays, or TLS from the first byte, as 腾讯企业邮 and 阿里企业邮 offer on port
/// 465), the account it signs in with (AUTH PLAIN; none for an open relay) and the sender.
struct MailServer: Sendable, Equatable {
    enum Security: String, Sendable, CaseIterable {
        case none, tls

        var chineseName: String { self == .none ? "不加密（内网中继）" : "SSL/TLS（如 465 端口）" }
    }

    let host: String
    let port: Int
    let security: Security
    let username: String?
    let password: String?
    let senderAddress: String
    let senderName: String?
}

/// A small SMTP client (RFC 5321) over SwiftNIO: EHLO, AUTH PLAIN when an account is set, MAIL FROM,
/// RCPT TO, DATA with dot-stuffing, QUIT. One message per connection, which is what a notice is; a
/// reply the protocol does not expect ends the conversation with the server's own words, which the
/// outbox keeps for the admins.
struct SMTPClient: Sendable {
    let server: MailServer
    let group: any EventLoopGroup
    var timeout: TimeAmount = .seconds(20)

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func send(_ message: MailMessage) async throws {
        let bootstrap = ClientBootstrap(group: group).connectTimeout(timeout)
        let security = server.security
        let host = server.host
        let channel = try await bootstrap.connect(host: host, port: server.port) { channel in
            channel.eventLoop.makeCompletedFuture {
                if security == .tls {
                    let context = try NIOSSLContext(configuration: .makeClientConfiguration())
                    try channel.pipeline.syncOperations.addHandler(
                        try NIOSSLClientHandler(context: context, serverHostname: host))
                }
                return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
            }
        }
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                try await channel.executeThenClose { inbound, outbound in
                    var replies = ReplyReader(inbound.makeAsyncIterator())
                    try await converse(&replies, outbound, message)
                }
            }
            tasks.addTask {
                try await Task.sleep(for: .seconds(60))
                throw Failure(description: "邮件服务器 60 秒内未完成发送")
            }
            try await tasks.next()
            tasks.cancelAll()
        }
    }

    private func converse(
        _ replies: inout ReplyReader, _ outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>, _ message: MailMessage
    ) async throws {
        func command(_ line: String, expect codes: Set<Int>) async throws {
            try await outbound.write(ByteBuffer(string: line + "\r\n"))
            try await replies.expect(codes, after: line.hasPrefix("AUTH") ? "AUTH PLAIN" : line)
        }
        try await replies.expect([220], after: "连接")
        try await command("EHLO jieyou", expect: [250])
        if let username = server.username, !username.isEmpty {
            let token = Data("\0\(username)\0\(server.password ?? "")".utf8).base64EncodedString()
            try await command("AUTH PLAIN \(token)", expect: [235])
        }
        try await command("MAIL FROM:<\(message.fromAddress)>", expect: [250])
        try await command("RCPT TO:<\(message.to)>", expect: [250, 251])
        try await command("DATA", expect: [354])
        // Dot-stuffing: a line that starts with "." gets another one, so none ends the data early.
        let data = message.rendered.split(separator: "\r\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
        try await outbound.write(ByteBuffer(string: data + (data.hasSuffix("\r\n") ? "" : "\r\n") + ".\r\n"))
        try await replies.expect([250], after: "DATA 内容")
        try await outbound.write(ByteBuffer(string: "QUIT\r\n"))
    }

    /// Reads replies (a code and text, possibly over several `250-` lines) from the byte stream.
    struct ReplyReader {
        var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
        var pending = ""

        init(_ iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator) {
            self.iterator = iterator
        }

        mutating func line() async throws -> String {
            while true {
                if let end = pending.range(of: "\r\n") {
                    let line = String(pending[..<end.lowerBound])
                    pending.removeSubrange(..<end.upperBound)
                    return line
                }
                guard var buffer = try await iterator.next() else {
                    throw Failure(description: "邮件服务器断开了连接")
                }
                pending += buffer.readString(length: buffer.readableBytes) ?? ""
            }
        }

        /// The next reply; refused unless its code is one of `codes`.
        mutating func expect(_ codes: Set<Int>, after step: String) async throws {
            var text: [String] = []
            while true {
                let line = try await line()
                text.append(line)
                // "250-…" continues; "250 …" (or a bare code) is the last line.
                if line.count < 4 || line[line.index(line.startIndex, offsetBy: 3)] != "-" { break }
            }
            let last = text.last ?? ""
            guard let code = Int(last.prefix(3)), codes.contains(code) else {
                throw Failure(description: "邮件服务器拒绝了 \(step)：\(text.joined(separator: " "))")
            }
        }
    }
}
