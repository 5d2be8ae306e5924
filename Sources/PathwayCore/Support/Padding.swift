extension String {
    /// This text followed by spaces up to `length` UTF-16 units (as Foundation's
    /// `padding(toLength:withPad:startingAt:)` counts), or cut at the last whole character that
    /// fits when it is longer. Columns of `list`, `path` and `pack list` are laid out with it
    /// for every pack, so it builds no `NSString`.
    public func padded(to length: Int) -> String {
        let units = utf16.count
        if units < length { return self + String(repeating: " ", count: length - units) }
        if units == length { return self }
        var kept = 0
        var end = startIndex
        for index in indices {
            let next = self.index(after: index)
            let width = self[index..<next].utf16.count
            guard kept + width <= length else { break }
            kept += width
            end = next
        }
        return String(self[..<end]) + String(repeating: " ", count: length - kept)
    }
}
