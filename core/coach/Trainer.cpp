#include "core/coach/Trainer.h"

#include <algorithm>

namespace bandmate::core::coach {

TrainerStep nextTrainerStep(const TrainerPlan& plan, double bpm, double accuracy, int missesInRow)
{
    TrainerStep step;
    // (A hair under the mark, as a percentage shows it rounded, is not the mark: 89.6 % is not 90 %.)
    if (accuracy + 1e-9 < plan.mark) {
        step.missesInRow = std::max(0, missesInRow) + 1;
        step.nextBpm = bpm;
        step.kind = step.missesInRow >= std::max(1, plan.missesBeforeRest) ? TrainerStep::Kind::Rest : TrainerStep::Kind::Hold;
        return step;
    }
    if (bpm + 1e-9 >= plan.targetBpm || plan.stepBpm <= 0.0) {
        step.kind = TrainerStep::Kind::Reached;
        step.nextBpm = bpm;
        return step;
    }
    step.kind = TrainerStep::Kind::Raise;
    step.nextBpm = std::min(plan.targetBpm, bpm + plan.stepBpm);
    return step;
}

}  // namespace bandmate::core::coach
