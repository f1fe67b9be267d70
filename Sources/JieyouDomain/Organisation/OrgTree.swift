import Foundation

/// The org tree (组织): a province → cities → counties → parks. It is small (hundreds of units even for a
/// province), so scope checks load it whole and answer from memory.
public struct OrgTree: Sendable {
    public struct Node: Hashable, Sendable {
        public let id: UUID
        public let parentID: UUID?
        public let level: OrgLevel
        public let name: String

        public init(id: UUID, parentID: UUID?, level: OrgLevel, name: String) {
            self.id = id
            self.parentID = parentID
            self.level = level
            self.name = name
        }
    }

    public let nodes: [UUID: Node]
    private let children: [UUID: [UUID]]

    public init(_ nodes: [Node]) {
        var byID: [UUID: Node] = [:]
        var children: [UUID: [UUID]] = [:]
        for node in nodes {
            byID[node.id] = node
            if let parent = node.parentID { children[parent, default: []].append(node.id) }
        }
        self.nodes = byID
        self.children = children
    }

    public subscript(id: UUID) -> Node? { nodes[id] }

    /// The units directly under `id`, by name.
    public func children(of id: UUID) -> [Node] {
        (children[id] ?? []).compactMap { nodes[$0] }.sorted { $0.name < $1.name }
    }

    /// The unit and all its ancestors, nearest first.
    public func lineage(of id: UUID) -> [Node] {
        var result: [Node] = []
        var current = nodes[id]
        var seen: Set<UUID> = []
        while let node = current, seen.insert(node.id).inserted {
            result.append(node)
            current = node.parentID.flatMap { nodes[$0] }
        }
        return result
    }

    /// True when `id` is `root` or lies below it.
    public func isWithin(_ id: UUID, subtreeOf root: UUID) -> Bool {
        lineage(of: id).contains { $0.id == root }
    }

    /// `root` and every unit below it.
    public func subtree(of root: UUID) -> Set<UUID> {
        guard nodes[root] != nil else { return [] }
        var result: Set<UUID> = [root]
        var stack = [root]
        while let next = stack.popLast() {
            for child in children[next] ?? [] where result.insert(child).inserted {
                stack.append(child)
            }
        }
        return result
    }

    /// `省 / 市 / 县 / 园区` path for display.
    public func pathName(of id: UUID) -> String {
        lineage(of: id).reversed().map(\.name).joined(separator: " / ")
    }

    /// Units in depth-first order with their depth, for an indented list.
    public func flattened(from roots: [UUID]) -> [(node: Node, depth: Int)] {
        var result: [(Node, Int)] = []
        func visit(_ id: UUID, _ depth: Int) {
            guard let node = nodes[id] else { return }
            result.append((node, depth))
            let kids = (children[id] ?? []).compactMap { nodes[$0] }.sorted {
                ($0.level, $0.name) < ($1.level, $1.name)
            }
            for kid in kids { visit(kid.id, depth + 1) }
        }
        for root in roots { visit(root, 0) }
        return result
    }

    /// Why `parent` cannot hold a unit of `level` (nil when it can). Moving a unit under itself or its
    /// own descendant would cut it off from the tree, so that is refused too.
    public func placementProblem(level: OrgLevel, parentID: UUID?, movingUnit: UUID? = nil) -> FieldError? {
        guard let parentID else {
            return nil
        }
        guard let parent = nodes[parentID] else {
            return FieldError(field: "parentId", message: "上级组织不存在")
        }
        if let moving = movingUnit, isWithin(parentID, subtreeOf: moving) {
            return FieldError(field: "parentId", message: "上级组织不能是本组织或其下级")
        }
        if !parent.level.mayContain(level) {
            return FieldError(
                field: "level", message: "\(parent.level.chineseName)级组织下不能设\(level.chineseName)级组织")
        }
        return nil
    }
}
