package org.neuralstyle.cli;

import org.junit.jupiter.api.Test;
import org.neuralstyle.job.ImageRequest;
import org.neuralstyle.job.UserError;
import org.neuralstyle.job.VideoRequest;
import org.neuralstyle.job.options.ArgumentList;
import org.neuralstyle.job.options.JobKind;
import org.neuralstyle.job.options.JobOption;
import org.neuralstyle.job.options.JobOptions;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The command line (picocli, {@link JobOptionSpecs}) and the studio's and batch's reader ({@link ArgumentList}) read
 * the same words into the same request, option by option: both read the one table of job options, and this holds
 * them to it.
 */
class JobOptionReadersTest {

    private static final List<String> PICTURE = List.of("--content", "photo.jpg", "--styles", "a.jpg", "b.jpg",
            "--output", "out.png");
    private static final List<String> VIDEO = List.of("video", "--content", "clip.mp4", "--styles", "a.jpg",
            "--output", "out.mp4");

    /** Words that give the option a value of its kind (the first of its choices, a number, a list of two). */
    private static List<String> given(JobOption option) {
        String one = option.type() == Integer.class || option.type() == Long.class ? "7"
                : option.type() == Double.class ? "0.5"
                : option.type() == Path.class ? "some.png"
                : option.label().matches("[a-z0-9-]+(\\|[a-z0-9-]+)+") ? option.label().split("\\|")[0] : "relu1_1:2";
        return switch (option.shape()) {
            case FLAG -> List.of(option.name());
            case SWITCH -> List.of("--no-" + option.name().substring(2));
            case VALUE -> List.of(option.name() + "=" + one);
            case LIST -> List.of(option.name(), one + "," + one, option.name(), one);
            case WORDS -> List.of(option.name(), "x.jpg", "y.jpg");
        };
    }

    private static CommandLine.ParseResult picocli(List<String> words) {
        CommandLine cli = Main.commandLine(new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()));
        CommandLine.ParseResult parsed = cli.parseArgs(words.toArray(String[]::new));
        return parsed.subcommand() != null ? parsed.subcommand() : parsed;
    }

    @Test
    void everyOptionOfAPictureIsReadTheSameByBoth() {
        for (JobOption option : JobOptions.of(JobKind.IMAGE)) {
            if (PICTURE.contains(option.name()) && option.shape() != JobOption.Shape.WORDS) {
                continue; // given once already
            }
            List<String> words = new ArrayList<>(PICTURE);
            words.addAll(given(option));
            ImageRequest byPicocli = JobOptionSpecs.read(picocli(words), JobKind.IMAGE).image("v", List.of());
            ImageRequest byTable = ArgumentList.read(words).request().image("v", List.of());
            assertThat(byTable).as(String.join(" ", words)).isEqualTo(byPicocli);
        }
    }

    @Test
    void everyOptionOfAVideoIsReadTheSameByBothWithTheSameSignature() {
        for (JobOption option : JobOptions.of(JobKind.VIDEO)) {
            if (VIDEO.contains(option.name()) && option.shape() != JobOption.Shape.WORDS) {
                continue;
            }
            List<String> words = new ArrayList<>(VIDEO);
            words.addAll(given(option));
            CommandLine.ParseResult parsed = picocli(words);
            VideoRequest byPicocli = JobOptionSpecs.read(parsed, JobKind.VIDEO).video(VideoCommand.signature(parsed));
            VideoRequest byTable = ArgumentList.read(words).video();
            assertThat(byTable).as(String.join(" ", words)).isEqualTo(byPicocli);
        }
    }

    @Test
    void aPictureRecordsHowItWasMadeNotWhereItWent() {
        List<String> words = List.of("--content", "photo.jpg", "--styles", "a.jpg", "--width=300", "--output", "o.png",
                "--overwrite", "--style-scales", "0.5", "--no-keep-best", "-v");
        assertThat(ArgumentList.read(words).image("v").recordedArguments())
                .containsExactly("--content", "photo.jpg", "--styles", "a.jpg", "--width=300", "--style-scales", "0.5");
    }

    @Test
    void wordsThatAreNoJobsAreRefusedInTheCommandLinesWords() {
        assertThatThrownBy(() -> ArgumentList.read(List.of("--colour", "red"))).isInstanceOf(UserError.class)
                .hasMessage("Unknown option: '--colour'");
        assertThatThrownBy(() -> ArgumentList.read(List.of("--width"))).isInstanceOf(UserError.class)
                .hasMessage("Missing required parameter for option '--width' (PX)");
        assertThatThrownBy(() -> ArgumentList.read(List.of("--width", "--overwrite"))).isInstanceOf(UserError.class)
                .hasMessage("Expected parameter for option '--width' but found '--overwrite'");
        assertThatThrownBy(() -> ArgumentList.read(List.of("--width", "1", "--width", "2")))
                .isInstanceOf(UserError.class).hasMessage("option '--width' (PX) should be specified only once");
        assertThatThrownBy(() -> ArgumentList.read(List.of("photo.jpg"))).isInstanceOf(UserError.class)
                .hasMessage("Unmatched argument at index 0: 'photo.jpg'");
        assertThatThrownBy(() -> ArgumentList.read(List.of("--iterations", "many")).request())
                .isInstanceOf(UserError.class)
                .hasMessage("Invalid value for option '--iterations': 'many' is not an int");
        assertThatThrownBy(() -> ArgumentList.read(List.of("--content", "a.jpg")).image("v"))
                .isInstanceOf(UserError.class)
                .hasMessage("Missing required options: '--styles=FILE...', '--output=FILE'");
        assertThatThrownBy(() -> ArgumentList.read(List.of("video", "--bit-depth", "16")))
                .isInstanceOf(UserError.class).hasMessage("Unknown option: '--bit-depth'");
        // picocli refuses the same words
        for (List<String> words : List.of(List.of("--colour", "red"), List.of("--width"), List.of("--width", "1",
                "--width", "2"), List.of("video", "--bit-depth", "16"))) {
            assertThatThrownBy(() -> picocli(words)).as(words.toString())
                    .isInstanceOf(CommandLine.ParameterException.class);
        }
    }

    @Test
    void negativeNumbersAreValuesNotOptions() {
        List<String> words = new ArrayList<>(PICTURE);
        words.addAll(List.of("--style-weight", "-1", "--style-scales", "-0.5,2"));
        assertThat(ArgumentList.read(words).request().image("v", List.of()))
                .isEqualTo(JobOptionSpecs.read(picocli(words), JobKind.IMAGE).image("v", List.of()));
    }
}
