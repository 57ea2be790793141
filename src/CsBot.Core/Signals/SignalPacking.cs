using System.Text;

namespace CsBot.Core.Signals;

/// <summary>
/// An account's tickets, surveys, invoices, revenue events and renewal outcomes packed densely into bytes, as the read
/// model holds them (and as a store may keep them): held as objects, each item is a record with its own id string, and
/// at 100k demo accounts the portfolio's 3.3 million tickets and 2.8 million survey answers took 1.7 GB of heap.
/// </summary>
/// <remarks>
/// <para>Layout (version 1): a version byte, then each kind as a count followed by its items, in the order tickets,
/// surveys, invoices, revenue events, renewal outcomes. Every number is a variable-length integer (7 bits a byte, low
/// bits first), signed ones zigzag-encoded; most are written as the change from the previous item's value in the same
/// field, so a ticket takes about ten bytes instead of sixty.</para>
/// <para>Strings: a header number whose low two bits say what follows. 0: null (header 0), or a literal (the rest odd:
/// UTF-8 bytes; even: UTF-16 code units, for a string UTF-8 cannot hold exactly, such as a lone surrogate), which is
/// added to the pack's table; 1: the table entry the rest numbers (entry 0 is the account's id, so an item's account
/// id normally takes one byte, and a respondent or enum name seen before takes one or two); 2: the previous string of
/// the same field with its trailing number changed by the rest (zigzag), zero-padded to the same width, so ids such as
/// "tkt-0001-002" after "tkt-0001-001" take one byte; the writer uses it only when the result is exactly the string;
/// 3: the string in as many parts as the rest says (2 to 64), each cut after a separator (". @ - _ / space") and
/// written as a table entry or a literal, the joined string then added to the table: respondents' e-mail addresses
/// share their domain and often a first or last name, so a new one takes a few bytes instead of thirty.</para>
/// <para>Enums are stored by name (through the table), as the stores keep them, so reordering enum members cannot
/// change what a stored value means; a value outside the members is stored as its number. Instants are a header (0 for
/// a missing one, else 1 + the offset's change in minutes, zigzag, times 4 + the unit) and the change of UTC ticks in
/// that unit (minutes, seconds, milliseconds or ticks, the largest that divides it). Days are day-number changes.
/// Decimals are scale and sign, then their 96-bit magnitude.</para>
/// </remarks>
public static class SignalPacking
{
    public const byte Version = 1;

    private enum Field { TicketId, TicketAccount, Severity, SurveyId, SurveyAccount, SurveyKind, Respondent, InvoiceId, InvoiceAccount, EventId, EventAccount, EventKind, OutcomeId, OutcomeAccount, Result, Count }

    public static bool HasAny(AccountSignals signals) =>
        signals.Tickets.Count + signals.Surveys.Count + signals.Invoices.Count + signals.RevenueEvents.Count + signals.RenewalOutcomes.Count > 0;

    /// <summary>Everything but the account record and usage of <paramref name="signals"/>; empty when it has none.</summary>
    public static byte[] Pack(AccountSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        if (!HasAny(signals)) return [];
        var w = new Writer(signals.Account.Id);
        w.Byte(Version);

        w.Count(signals.Tickets.Count);
        DateTimeOffset opened = default;
        foreach (var t in signals.Tickets)
        {
            w.String(Field.TicketId, t.Id); w.String(Field.TicketAccount, t.AccountId); w.Enum(Field.Severity, t.Severity);
            w.Instant(t.Opened, opened); w.Instant(t.Closed, t.Opened);
            opened = t.Opened;
        }
        w.Count(signals.Surveys.Count);
        var day = 0;
        foreach (var s in signals.Surveys)
        {
            w.String(Field.SurveyId, s.Id); w.String(Field.SurveyAccount, s.AccountId); w.Enum(Field.SurveyKind, s.Kind);
            w.Signed(s.Score); w.Day(s.Date, ref day); w.String(Field.Respondent, s.Respondent);
        }
        w.Count(signals.Invoices.Count);
        day = 0;
        foreach (var i in signals.Invoices)
        {
            w.String(Field.InvoiceId, i.Id); w.String(Field.InvoiceAccount, i.AccountId); w.Decimal(i.Amount);
            w.Day(i.IssuedOn, ref day);
            var due = day;
            w.Day(i.DueDate, ref due);
            w.OptionalDay(i.PaidOn, due);
        }
        w.Count(signals.RevenueEvents.Count);
        day = 0;
        foreach (var e in signals.RevenueEvents)
        {
            w.String(Field.EventId, e.Id); w.String(Field.EventAccount, e.AccountId); w.Enum(Field.EventKind, e.Kind);
            w.Decimal(e.MrrDelta); w.Day(e.Date, ref day);
        }
        w.Count(signals.RenewalOutcomes.Count);
        day = 0;
        foreach (var r in signals.RenewalOutcomes)
        {
            w.String(Field.OutcomeId, r.Id); w.String(Field.OutcomeAccount, r.AccountId); w.Day(r.RenewalDate, ref day);
            w.Enum(Field.Result, r.Result); w.Decimal(r.MrrBefore); w.Decimal(r.MrrAfter);
        }
        return w.ToArray();
    }

    /// <summary>
    /// <paramref name="signals"/> with the lists packed in <paramref name="bytes"/> (all empty for no bytes); refuses
    /// bytes that are cut short, run on, hold an unknown version or impossible values.
    /// </summary>
    public static AccountSignals Unpack(ReadOnlySpan<byte> bytes, AccountSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        if (bytes.IsEmpty) return signals with { Tickets = [], Surveys = [], Invoices = [], RevenueEvents = [], RenewalOutcomes = [] };
        var r = new Reader(bytes, signals.Account.Id);
        if (r.Byte() != Version) throw r.Damaged("is in an unknown version");

        var tickets = new SupportTicket[r.Count()];
        DateTimeOffset opened = default;
        for (var i = 0; i < tickets.Length; i++)
        {
            var id = r.String(Field.TicketId)!; var owner = r.String(Field.TicketAccount)!; var severity = r.Enum<TicketSeverity>(Field.Severity);
            opened = r.Instant(opened) ?? throw r.Damaged("holds a ticket without an opening time");
            tickets[i] = new SupportTicket(id, owner, severity, opened, r.Instant(opened));
        }
        var surveys = new SurveyResponse[r.Count()];
        var day = 0;
        for (var i = 0; i < surveys.Length; i++)
        {
            var id = r.String(Field.SurveyId)!; var owner = r.String(Field.SurveyAccount)!; var kind = r.Enum<SurveyKind>(Field.SurveyKind);
            var score = r.Int(); var date = r.Day(ref day);
            surveys[i] = new SurveyResponse(id, owner, kind, score, date, r.String(Field.Respondent));
        }
        var invoices = new Invoice[r.Count()];
        day = 0;
        for (var i = 0; i < invoices.Length; i++)
        {
            var id = r.String(Field.InvoiceId)!; var owner = r.String(Field.InvoiceAccount)!; var amount = r.Decimal();
            var issued = r.Day(ref day);
            var due = day;
            var dueDate = r.Day(ref due);
            invoices[i] = new Invoice(id, owner, amount, issued, dueDate, r.OptionalDay(due));
        }
        var events = new RevenueEvent[r.Count()];
        day = 0;
        for (var i = 0; i < events.Length; i++)
        {
            var id = r.String(Field.EventId)!; var owner = r.String(Field.EventAccount)!; var kind = r.Enum<RevenueEventKind>(Field.EventKind);
            var delta = r.Decimal();
            events[i] = new RevenueEvent(id, owner, kind, delta, r.Day(ref day));
        }
        var outcomes = new RenewalOutcome[r.Count()];
        day = 0;
        for (var i = 0; i < outcomes.Length; i++)
        {
            var id = r.String(Field.OutcomeId)!; var owner = r.String(Field.OutcomeAccount)!; var date = r.Day(ref day);
            var result = r.Enum<RenewalResult>(Field.Result); var before = r.Decimal();
            outcomes[i] = new RenewalOutcome(id, owner, date, result, before, r.Decimal());
        }
        r.End();
        return signals with { Tickets = tickets, Surveys = surveys, Invoices = invoices, RevenueEvents = events, RenewalOutcomes = outcomes };
    }

    private static readonly long[] Units = [TimeSpan.TicksPerMinute, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMillisecond, 1];

    private static ulong Zigzag(long value) => (ulong)((value << 1) ^ (value >> 63));

    private static long Unzigzag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    /// <summary>
    /// Splits <paramref name="value"/> into what comes before its trailing ASCII digits and their number; false when it
    /// has no trailing digits or more than 18 (beyond a long).
    /// </summary>
    private static bool TrailingNumber(string value, out int digitsAt, out long number)
    {
        digitsAt = value.Length;
        while (digitsAt > 0 && char.IsAsciiDigit(value[digitsAt - 1])) digitsAt--;
        number = 0;
        var width = value.Length - digitsAt;
        if (width is 0 or > 18) return false;
        for (var i = digitsAt; i < value.Length; i++) number = number * 10 + (value[i] - '0');
        return true;
    }

    /// <summary><paramref name="previous"/> with its trailing number changed by <paramref name="change"/>, padded to the same width; null when impossible.</summary>
    private static string? Step(string previous, long change)
    {
        if (!TrailingNumber(previous, out var at, out var number)) return null;
        var next = number + change;
        if (change > 0 ? next < number : next > number) return null;
        if (next < 0) return null;
        var digits = 1;
        for (var rest = next / 10; rest > 0; rest /= 10) digits++;
        // Written in place, one allocation: ids are most of what an unpack makes, and nearly every id is a step.
        return string.Create(at + Math.Max(previous.Length - at, digits), (previous, at, next), static (chars, step) =>
        {
            step.previous.AsSpan(0, step.at).CopyTo(chars);
            var number = step.next;
            for (var i = chars.Length - 1; i >= step.at; i--, number /= 10) chars[i] = (char)('0' + number % 10);
        });
    }

    private sealed class Writer
    {
        private readonly Dictionary<string, int> _table = new(StringComparer.Ordinal);
        private readonly string?[] _previous = new string?[(int)Field.Count];
        private byte[] _buffer = new byte[512];
        private int _length;

        public Writer(string accountId) => _table[accountId ?? ""] = 0;

        public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

        public void Byte(byte value)
        {
            Ensure(1);
            _buffer[_length++] = value;
        }

        public void Number(ulong value)
        {
            Ensure(10);
            while (value >= 0x80)
            {
                _buffer[_length++] = (byte)(value | 0x80);
                value >>= 7;
            }
            _buffer[_length++] = (byte)value;
        }

        public void Count(int count) => Number((ulong)count);

        public void Signed(long value) => Number(Zigzag(value));

        public void Day(DateOnly date, ref int previous)
        {
            Signed(date.DayNumber - (long)previous);
            previous = date.DayNumber;
        }

        public void OptionalDay(DateOnly? date, int from)
        {
            if (date is not { } value) { Number(0); return; }
            Number(Zigzag(value.DayNumber - (long)from) + 1);
        }

        public void Instant(DateTimeOffset? instant, DateTimeOffset from)
        {
            if (instant is not { } value) { Number(0); return; }
            var change = value.UtcTicks - from.UtcTicks;
            var unit = 0;
            while (change % Units[unit] != 0) unit++;
            var offset = (long)(value.Offset.TotalMinutes - from.Offset.TotalMinutes);
            Number(1 + (Zigzag(offset) << 2) + (ulong)unit);
            Signed(change / Units[unit]);
        }

        public void Decimal(decimal value)
        {
            Span<int> parts = stackalloc int[4];
            decimal.GetBits(value, parts);
            var scale = (parts[3] >> 16) & 0xFF;
            var negative = parts[3] < 0 ? 1UL : 0UL;
            Number(((ulong)scale << 1) | negative);
            var magnitude = ((UInt128)(uint)parts[2] << 64) | ((UInt128)(uint)parts[1] << 32) | (uint)parts[0];
            Ensure(14);
            while (magnitude >= 0x80)
            {
                _buffer[_length++] = (byte)((byte)magnitude | 0x80);
                magnitude >>= 7;
            }
            _buffer[_length++] = (byte)magnitude;
        }

        public void Enum<T>(Field field, T value) where T : struct, System.Enum => String(field, EnumNames<T>.Name(value));

        public void String(Field field, string? value)
        {
            var previous = _previous[(int)field];
            _previous[(int)field] = value;
            if (value is null) { Number(0); return; }
            if (_table.TryGetValue(value, out var entry)) { Number(((ulong)entry << 2) | 1); return; }
            if (previous is not null && TrailingNumber(value, out var at, out var number) && TrailingNumber(previous, out var was, out var before)
                && at == was && value.AsSpan(0, at).SequenceEqual(previous.AsSpan(0, was)) && Step(previous, number - before) == value)
            {
                Number((Zigzag(number - before) << 2) | 2);
                return;
            }
            if (!HasLoneSurrogate(value) && Tokens(value) is { Count: > 1 } tokens)
            {
                // Parts seen before (an e-mail's domain, a first name) are one table entry each.
                Number(((ulong)tokens.Count << 2) | 3);
                foreach (var (from, length) in tokens)
                {
                    var token = value.Substring(from, length);
                    if (_table.TryGetValue(token, out var part)) Number(((ulong)part << 2) | 1);
                    else Literal(token);
                }
                _table.TryAdd(value, _table.Count);
                return;
            }
            Literal(value);
        }

        private void Literal(string value)
        {
            _table[value] = _table.Count;
            if (!HasLoneSurrogate(value))
            {
                var count = Encoding.UTF8.GetByteCount(value);
                Number((1 + 2 * (ulong)count) << 2);
                Ensure(count);
                _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
            }
            else
            {
                // UTF-8 cannot hold a lone surrogate: such a string is kept as its UTF-16 code units, so it still reads back exactly.
                Number((2 + 2 * (ulong)value.Length) << 2);
                Ensure(value.Length * 2);
                foreach (var c in value)
                {
                    _buffer[_length++] = (byte)c;
                    _buffer[_length++] = (byte)(c >> 8);
                }
            }
        }

        /// <summary>The string cut after each separator (". @ - _ / space"), each part with its separator; at most 64 parts.</summary>
        private static List<(int From, int Length)>? Tokens(string value)
        {
            List<(int, int)>? tokens = null;
            var from = 0;
            for (var i = 0; i < value.Length - 1; i++)
            {
                if (value[i] is not ('.' or '@' or '-' or '_' or '/' or ' ')) continue;
                (tokens ??= []).Add((from, i + 1 - from));
                from = i + 1;
                if (tokens.Count == 64) return null;
            }
            tokens?.Add((from, value.Length - from));
            return tokens;
        }

        private static bool HasLoneSurrogate(string value)
        {
            for (var i = 0; i < value.Length; i++)
            {
                if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
                if (char.IsSurrogate(value[i])) return true;
            }
            return false;
        }

        private void Ensure(int count)
        {
            if (_length + count > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes, string accountId)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;
        private readonly List<string> _table = [accountId ?? ""];
        private readonly string?[] _previous = new string?[(int)Field.Count];

        public byte Byte() => _at < _bytes.Length ? _bytes[_at++] : throw Damaged("is cut short");

        public ulong Number()
        {
            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = Byte();
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80) return shift == 63 && b > 1 ? throw Damaged("holds a number longer than 64 bits") : value;
            }
            throw Damaged("holds a number longer than 64 bits");
        }

        // Each item takes at least a byte, so a count beyond the bytes left is damage, not a reason to allocate.
        public int Count()
        {
            var count = Number();
            return count <= (ulong)(_bytes.Length - _at) ? (int)count : throw Damaged($"claims {count} items");
        }

        public long Signed() => Unzigzag(Number());

        public int Int()
        {
            var value = Signed();
            return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw Damaged($"holds {value}, beyond a 32-bit number");
        }

        public DateOnly Day(ref int previous)
        {
            previous = DayNumber(previous + Signed());
            return DateOnly.FromDayNumber(previous);
        }

        public DateOnly? OptionalDay(int from)
        {
            var header = Number();
            return header == 0 ? null : DateOnly.FromDayNumber(DayNumber(from + Unzigzag(header - 1)));
        }

        private readonly int DayNumber(long value) =>
            value >= DateOnly.MinValue.DayNumber && value <= DateOnly.MaxValue.DayNumber ? (int)value : throw Damaged($"holds day number {value}");

        public DateTimeOffset? Instant(DateTimeOffset from)
        {
            var header = Number();
            if (header == 0) return null;
            header--;
            var unit = Units[(int)(header & 3)];
            var offset = from.Offset.TotalMinutes + Unzigzag(header >> 2);
            var change = Signed();
            var ticks = (Int128)from.UtcTicks + (Int128)change * unit;
            if (offset is < -14 * 60 or > 14 * 60 || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks) throw Damaged("holds an impossible instant");
            var utc = new DateTimeOffset((long)ticks, TimeSpan.Zero);
            try
            {
                return utc.ToOffset(TimeSpan.FromMinutes(offset));
            }
            catch (ArgumentOutOfRangeException)
            {
                throw Damaged("holds an instant beyond the calendar in its offset");
            }
        }

        public decimal Decimal()
        {
            var header = Number();
            if (header > (28 << 1 | 1)) throw Damaged("holds a decimal scale beyond 28");
            UInt128 magnitude = 0;
            for (var shift = 0; ; shift += 7)
            {
                if (shift > 96) throw Damaged("holds a decimal beyond 96 bits");
                var b = Byte();
                magnitude |= (UInt128)(b & 0x7F) << shift;
                if (b < 0x80) break;
            }
            if (magnitude >> 96 != 0) throw Damaged("holds a decimal beyond 96 bits");
            return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), (header & 1) == 1, (byte)(header >> 1));
        }

        public T Enum<T>(Field field) where T : struct, System.Enum
        {
            var name = String(field) ?? throw Damaged($"holds no {typeof(T).Name}");
            return EnumNames<T>.Parse(name) ?? throw Damaged($"holds an unknown {typeof(T).Name} '{name}'");
        }

        public string? String(Field field)
        {
            var header = Number();
            var rest = header >> 2;
            string? value;
            switch (header & 3)
            {
                case 0 when rest == 0:
                    value = null;
                    break;
                case 0:
                    value = Literal(rest);
                    break;
                case 1:
                    value = Entry(rest);
                    break;
                case 2:
                    value = _previous[(int)field] is { } previous ? Step(previous, Unzigzag(rest)) : null;
                    if (value is null) throw Damaged("steps a string it cannot");
                    break;
                default:
                    if (rest < 2 || rest > 64) throw Damaged("holds a string of impossible parts");
                    var builder = new StringBuilder();
                    for (var part = 0; part < (int)rest; part++) builder.Append(Part());
                    value = builder.ToString();
                    // The writer adds a joined string to its table (it was not there, or it would have referred to it).
                    _table.Add(value);
                    break;
            }
            _previous[(int)field] = value;
            return value;
        }

        private string Part()
        {
            var header = Number();
            return (header & 3) switch
            {
                0 when header >> 2 != 0 => Literal(header >> 2),
                1 => Entry(header >> 2),
                _ => throw Damaged("holds an impossible part of a string"),
            };
        }

        private readonly string Entry(ulong index) => index < (ulong)_table.Count ? _table[(int)index] : throw Damaged("refers to a string it does not hold");

        private string Literal(ulong header)
        {
            var length = (header - 1) >> 1;
            var utf16 = (header & 1) == 0;
            if (length > (ulong)(_bytes.Length - _at)) throw Damaged("is cut short");
            var size = (int)(utf16 ? length * 2 : length);
            if (size > _bytes.Length - _at) throw Damaged("is cut short");
            var span = _bytes.Slice(_at, size);
            _at += size;
            string value;
            if (utf16)
            {
                var chars = new char[(int)length];
                for (var i = 0; i < chars.Length; i++) chars[i] = (char)(span[2 * i] | span[2 * i + 1] << 8);
                value = new string(chars);
            }
            else value = Encoding.UTF8.GetString(span);
            _table.Add(value);
            return value;
        }

        public readonly void End()
        {
            if (_at != _bytes.Length) throw Damaged("runs on past its last item");
        }

        public readonly InvalidDataException Damaged(string what) => new($"Packed signals of account '{_table[0]}' {what}: the bytes are damaged.");
    }

    /// <summary>Each enum member's name, so packing one allocates nothing and reading one is a dictionary look-up.</summary>
    private static class EnumNames<T> where T : struct, System.Enum
    {
        private static readonly Dictionary<T, string> Names = System.Enum.GetValues<T>().ToDictionary(v => v, v => v.ToString());
        private static readonly Dictionary<string, T> Values = System.Enum.GetValues<T>().ToDictionary(v => v.ToString(), v => v, StringComparer.Ordinal);

        // A value outside the members is stored as its number, as the stores' mappers store it, and read back the same way.
        public static string Name(T value) => Names.TryGetValue(value, out var name) ? name : value.ToString();

        public static T? Parse(string name)
        {
            if (Values.TryGetValue(name, out var value)) return value;
            return System.Enum.TryParse<T>(name, out var parsed) ? parsed : null;
        }
    }
}
