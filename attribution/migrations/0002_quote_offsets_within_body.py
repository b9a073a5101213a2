"""Quote offsets must lie within their article's body. A CHECK constraint cannot look at another table, so a
trigger enforces it; char_length counts code points, as Python's str offsets do."""

from django.db import migrations

CREATE = """
CREATE FUNCTION attribution_quote_within_body() RETURNS trigger AS $$
DECLARE
    body_length integer;
BEGIN
    SELECT char_length(body) INTO body_length FROM attribution_article WHERE id = NEW.article_id;
    IF NEW."end" > body_length THEN
        RAISE EXCEPTION 'quote offsets [%, %) lie outside article % (% characters)',
            NEW.start, NEW."end", NEW.article_id, body_length
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER attribution_quote_within_body
    BEFORE INSERT OR UPDATE OF start, "end", article_id ON attribution_quote
    FOR EACH ROW EXECUTE FUNCTION attribution_quote_within_body();
"""

DROP = """
DROP TRIGGER IF EXISTS attribution_quote_within_body ON attribution_quote;
DROP FUNCTION IF EXISTS attribution_quote_within_body();
"""


class Migration(migrations.Migration):
    dependencies = [("attribution", "0001_initial")]

    operations = [migrations.RunSQL(CREATE, DROP)]
