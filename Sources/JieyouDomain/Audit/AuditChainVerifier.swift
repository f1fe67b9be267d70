/// Walks the event log in sequence order and finds the first broken link. Fed one record at a time, so
/// a log of millions of events is verified in constant memory.
public struct AuditChainVerifier: Sendable {
    public enum Break: Hashable, Sendable, CustomStringConvertible {
        /// The record's content does not match its stored hash: it was edited.
        case contentAltered(sequence: Int64)
        /// The record does not point at the hash of the one before it: a record was replaced or reordered.
        case linkBroken(sequence: Int64)
        /// Sequence numbers jump: records were deleted.
        case gap(expected: Int64, found: Int64)
        /// The chain head (last sequence and hash) disagrees with the last record: records were cut off
        /// from the end.
        case headMismatch(expectedSequence: Int64, foundSequence: Int64)

        public var sequence: Int64 {
            switch self {
            case .contentAltered(let s), .linkBroken(let s): s
            case .gap(let expected, _): expected
            case .headMismatch(_, let found): found
            }
        }

        public var description: String {
            switch self {
            case .contentAltered(let s): "事件 #\(s) 的内容与其哈希不符（记录被修改）"
            case .linkBroken(let s): "事件 #\(s) 未指向前一事件的哈希（记录被替换或重排）"
            case .gap(let expected, let found): "缺少事件 #\(expected)（下一条为 #\(found)，记录被删除）"
            case .headMismatch(let expected, let found):
                "链头记录的最后事件为 #\(expected)，日志实际止于 #\(found)（末尾记录被删除或链头被改）"
            }
        }
    }

    private var lastSequence: Int64 = 0
    private var lastHash = AuditRecord.genesisHash
    public private(set) var checked = 0
    public private(set) var firstBreak: Break?

    public init() {}

    /// Checks the next record; returns false once the chain is broken (later records are not checked).
    @discardableResult
    public mutating func check(_ record: AuditRecord) -> Bool {
        guard firstBreak == nil else { return false }
        if record.sequence != lastSequence + 1 {
            firstBreak = .gap(expected: lastSequence + 1, found: record.sequence)
        } else if record.expectedHash != record.hash {
            firstBreak = .contentAltered(sequence: record.sequence)
        } else if record.previousHash != lastHash {
            firstBreak = .linkBroken(sequence: record.sequence)
        }
        guard firstBreak == nil else { return false }
        lastSequence = record.sequence
        lastHash = record.hash
        checked += 1
        return true
    }

    /// Compares the end of the walk with the stored chain head.
    public mutating func finish(headSequence: Int64, headHash: String) -> Break? {
        if firstBreak == nil && (headSequence != lastSequence || headHash != lastHash) {
            firstBreak = .headMismatch(expectedSequence: headSequence, foundSequence: lastSequence)
        }
        return firstBreak
    }
}
