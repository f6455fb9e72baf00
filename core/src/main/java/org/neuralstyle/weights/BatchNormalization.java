package org.neuralstyle.weights;

import org.neuralstyle.network.ConvolutionWeights;

/**
 * An inference-time batch normalisation y = scale * (x - mean) / sqrt(variance + epsilon) + shift, as ONNX's
 * BatchNormalization node computes it. After a convolution it is an affine map per output channel, so it folds
 * into that convolution exactly: kernel_o * f_o and (bias_o - mean_o) * f_o + shift_o with
 * f_o = scale_o / sqrt(variance_o + epsilon).
 */
record BatchNormalization(float[] scale, float[] shift, float[] mean, float[] variance, double epsilon) {

    BatchNormalization {
        int n = scale.length;
        if (shift.length != n || mean.length != n || variance.length != n) {
            throw new IllegalArgumentException("batch normalisation parameters differ in length");
        }
    }

    int channels() {
        return scale.length;
    }

    ConvolutionWeights foldInto(ConvolutionWeights conv) {
        int outputs = conv.outputChannels();
        if (outputs != channels()) {
            throw new IllegalArgumentException("batch normalisation of " + channels() + " channels after a convolution of "
                    + outputs);
        }
        double[] factor = new double[outputs];
        float[] bias = new float[outputs];
        for (int o = 0; o < outputs; o++) {
            factor[o] = scale[o] / Math.sqrt(variance[o] + epsilon);
            bias[o] = (float) ((conv.bias()[o] - mean[o]) * factor[o] + shift[o]);
        }
        float[] kernel = conv.kernel().clone();
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] = (float) (kernel[k] * factor[k % outputs]); // HWIO: the output channel varies fastest
        }
        return new ConvolutionWeights(conv.height(), conv.width(), conv.inputChannels(), outputs, kernel, bias);
    }
}
