package vigil.operators.churn;

import java.io.Serializable;

/**
 * The hyper-parameters a churn model was fitted with.
 *
 * @param l2 L2 strength of the final logistic regression (the intercept is not penalized)
 * @param bins quantile bins per numeric feature
 * @param minCategoryCount rows a category needs to get its own one-hot slot
 * @param trees boosted trees whose leaves become features; 0 for none
 * @param treeDepth depth of each tree
 * @param learningRate shrinkage of each tree's leaf values
 * @param minLeafRows rows each tree leaf must hold
 * @param interactions pairwise interactions, chosen from the ensemble's parent-child splits
 */
public record ChurnHyperParameters(double l2, int bins, int minCategoryCount, int trees, int treeDepth,
                                   double learningRate, int minLeafRows, int interactions) implements Serializable {
}
