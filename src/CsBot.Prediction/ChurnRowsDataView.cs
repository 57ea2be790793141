using CsBot.Core.Prediction;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CsBot.Prediction;

/// <summary>
/// <see cref="ChurnRows"/> as ML.NET reads them, in place: the same columns as <see cref="ChurnRow"/>'s schema, each
/// row's features copied into the cursor's buffer (missing values replaced as <see cref="Missing"/> does) when a
/// trainer asks for them, so fitting makes no object or array per row and no copy of the set.
/// </summary>
internal sealed class ChurnRowsDataView : IDataView
{
    private readonly ChurnRows _rows;

    public ChurnRowsDataView(ChurnRows rows)
    {
        _rows = rows ?? throw new ArgumentNullException(nameof(rows));
        var schema = new DataViewSchema.Builder();
        schema.AddColumn(nameof(ChurnRow.Features), new VectorDataViewType(NumberDataViewType.Single, ChurnFeatures.Count));
        schema.AddColumn(nameof(ChurnRow.Label), BooleanDataViewType.Instance);
        Schema = schema.ToSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rows.Count;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(this)];

    private sealed class Cursor(ChurnRowsDataView view) : DataViewRowCursor
    {
        private long _position = -1;

        public override DataViewSchema Schema => view.Schema;
        public override long Position => _position;
        public override long Batch => 0;

        public override bool MoveNext()
        {
            if (_position + 1 < view._rows.Count)
            {
                _position++;
                return true;
            }
            _position = view._rows.Count;
            return false;
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => column.Index is 0 or 1;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            Delegate getter = column.Index switch
            {
                0 => (ValueGetter<VBuffer<float>>)GetFeatures,
                1 => (ValueGetter<bool>)GetLabel,
                _ => throw new ArgumentOutOfRangeException(nameof(column), column.Name, "Features and Label only."),
            };
            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column {column.Name} is {column.Type}, not {typeof(TValue)}.");
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)Row, 0);

        private void GetFeatures(ref VBuffer<float> value)
        {
            var editor = VBufferEditor.Create(ref value, ChurnFeatures.Count);
            view._rows.Features(Row).CopyTo(editor.Values);
            Missing.Replace(editor.Values);
            value = editor.Commit();
        }

        private void GetLabel(ref bool value) => value = view._rows.Label(Row);

        private int Row => _position >= 0 && _position < view._rows.Count ? (int)_position : throw new InvalidOperationException("The cursor is not on a row.");
    }
}
