package org.groundtruth.core.evidence;

import java.time.Instant;
import java.util.Optional;
import org.groundtruth.core.DateRange;
import org.groundtruth.core.Ids;
import org.groundtruth.core.InvalidInput;
import org.groundtruth.core.Require;

/** Where a piece of evidence was found: the post, the account that posted it, and what it said. */
public record Source(
        String id,
        String platform,
        String account,
        String postUrl,
        String postId,
        Optional<Instant> postedAt,
        String caption,
        String language,
        String translation) {

    public static final String ID_PREFIX = "src";

    public Source {
        Ids.require(id, ID_PREFIX, "source id");
        platform = Require.text(platform, "platform", 100).strip();
        account = Require.text(account, "account", 300).strip();
        postUrl = Require.text(postUrl, "post URL", 2000).strip();
        postId = Require.text(postId, "post id", 300).strip();
        DateRange.require(postedAt, "posted at");
        caption = Require.text(caption, "caption", 100_000);
        language = Require.text(language, "language", 35).strip();
        translation = Require.text(translation, "translation", 100_000);
        if (!postUrl.isEmpty() && !postUrl.matches("(?i)https?://\\S+")) {
            throw InvalidInput.of("validation.url", "post URL", postUrl);
        }
    }

    public static Source of(String platform, String account, String postUrl, Optional<Instant> postedAt, String caption) {
        return new Source(Ids.next(ID_PREFIX), platform, account, postUrl, "", postedAt, caption, "", "");
    }
}
