#pragma once

namespace bandmate::core::coach {

/// The tempo trainer with the timing coach listening: after each take, the tempo goes up only
/// when the take held the mark (e.g. 90 % of its hits in time); otherwise it stays. After a few
/// takes in a row under the mark at one tempo, the trainer pauses: a break, or a slower start.
struct TrainerPlan {
    double stepBpm = 5.0;    ///< raised by this after a take that held the mark
    double targetBpm = 120.0;
    double mark = 0.9;       ///< 0…1: the accuracy a take must reach
    int missesBeforeRest = 3;
};

struct TrainerStep {
    enum class Kind {
        Raise,    ///< the take held the mark: the next take is faster
        Hold,     ///< under the mark: the next take at the same tempo
        Reached,  ///< the mark held at the target tempo: done
        Rest,     ///< under the mark missesBeforeRest times in a row: stop here
    };
    Kind kind = Kind::Hold;
    double nextBpm = 0.0;
    int missesInRow = 0;     ///< at this tempo, this take included (0 after a take that held)
};

/// What follows a take at `bpm` with `accuracy` (0…1), after `missesInRow` takes under the mark
/// at this tempo before it. The tempo never goes past the target, nor below what it was.
[[nodiscard]] TrainerStep nextTrainerStep(const TrainerPlan& plan, double bpm, double accuracy, int missesInRow);

}  // namespace bandmate::core::coach
