package org.neuralstyle.video.io;

import org.bytedeco.ffmpeg.global.avutil;

/** What every use of the FFmpeg natives shares. */
final class Ffmpeg {

    private Ffmpeg() {
    }

    /**
     * FFmpeg prints stream dumps, encoder chatter and errors to stderr; the errors that matter come back as
     * exceptions and are reported in one line, so only fatal messages are let through (the level is
     * process-wide in FFmpeg).
     */
    static void quiet() {
        avutil.av_log_set_level(avutil.AV_LOG_FATAL);
    }

    /** The first line of an FFmpeg/JavaCV error, without the "avformat_open_input() error -1094995529:" prefix. */
    static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        int colon = message.indexOf("error ");
        int afterCode = colon < 0 ? -1 : message.indexOf(':', colon);
        String reason = afterCode < 0 ? message : message.substring(afterCode + 1).trim();
        int hint = reason.indexOf(" (For more details");
        return hint < 0 ? reason : reason.substring(0, hint);
    }
}
