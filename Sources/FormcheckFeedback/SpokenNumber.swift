/// Whole numbers as words, for spoken cues ("thirty seconds left").
public enum SpokenNumber {
    static let ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                       "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    /// 0…999 in words; other numbers as digits.
    public static func words(_ n: Int) -> String {
        guard n >= 0, n < 1000 else { return String(n) }
        if n < 20 { return ones[n] }
        if n < 100 { return tens[n / 10] + (n % 10 == 0 ? "" : "-" + ones[n % 10]) }
        return ones[n / 100] + " hundred" + (n % 100 == 0 ? "" : " and " + words(n % 100))
    }
}
